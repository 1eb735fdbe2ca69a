using Guanjia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Auditing;

/// <summary>
/// The record an entry is about, by its own number (an appeal's tracking number, a project's, a wish's, a contract's…) and the
/// console page it opens (issue 17 point 5). A record kept under another (a consultation under its project, a deadline under its
/// subject) is named and linked by that one. One query per kind of record on the page.
/// </summary>
public static class AuditRefs
{
    public static async Task<Dictionary<(string Type, string Id), (string? Ref, string? Link)>> ResolveAsync(GuanjiaDb db,
        IReadOnlyList<(string Type, string Id)> entries, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), (string?, string?)>();
        List<Guid> Ids(params string[] types) => entries.Where(e => types.Contains(e.Type))
            .Select(e => Guid.TryParse(e.Id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        void Put(string type, Guid id, string? number, string? link) => result[(type, id.ToString())] = (number, link);

        var appealIds = Ids("Appeal");
        var projectIds = Ids("MicroProject");
        var childIds = Ids("Consultation", "DepartmentOpinion", "ProgressReport");
        var messageIds = Ids("AppealMessage");
        var deadlineIds = Ids("Deadline");

        var children = new List<(string Type, Guid Id, Guid ProjectId)>();
        if (childIds.Count > 0)
        {
            children.AddRange((await db.Consultations.IgnoreQueryFilters().AsNoTracking().Where(c => childIds.Contains(c.Id))
                .Select(c => new { c.Id, c.ProjectId }).ToListAsync(ct)).Select(c => ("Consultation", c.Id, c.ProjectId)));
            children.AddRange((await db.DepartmentOpinions.IgnoreQueryFilters().AsNoTracking().Where(c => childIds.Contains(c.Id))
                .Select(c => new { c.Id, c.ProjectId }).ToListAsync(ct)).Select(c => ("DepartmentOpinion", c.Id, c.ProjectId)));
            children.AddRange((await db.ProgressReports.IgnoreQueryFilters().AsNoTracking().Where(c => childIds.Contains(c.Id))
                .Select(c => new { c.Id, c.ProjectId }).ToListAsync(ct)).Select(c => ("ProgressReport", c.Id, c.ProjectId)));
        }
        var messages = messageIds.Count == 0 ? [] : await db.AppealMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => messageIds.Contains(m.Id)).Select(m => new { m.Id, m.AppealId }).ToListAsync(ct);
        var deadlines = deadlineIds.Count == 0 ? [] : await db.Deadlines.IgnoreQueryFilters().AsNoTracking()
            .Where(d => deadlineIds.Contains(d.Id)).Select(d => new { d.Id, d.SubjectType, d.SubjectId, d.SubjectRef }).ToListAsync(ct);

        appealIds.AddRange(messages.Select(m => m.AppealId));
        projectIds.AddRange(children.Select(c => c.ProjectId));
        var appeals = await Numbers(db.Appeals.IgnoreQueryFilters().AsNoTracking().Where(a => appealIds.Contains(a.Id))
            .Select(a => new KeyValuePair<Guid, string>(a.Id, a.TrackingNumber)), appealIds, ct);
        var projects = await Numbers(db.MicroProjects.IgnoreQueryFilters().AsNoTracking().Where(a => projectIds.Contains(a.Id))
            .Select(a => new KeyValuePair<Guid, string>(a.Id, a.Number)), projectIds, ct);
        foreach (var (id, n) in appeals) Put("Appeal", id, n, $"/appeals/{id}");
        foreach (var (id, n) in projects) Put("MicroProject", id, n, $"/projects/{id}");
        foreach (var c in children)
            if (projects.TryGetValue(c.ProjectId, out var n)) Put(c.Type, c.Id, n, $"/projects/{c.ProjectId}");
        foreach (var m in messages)
            if (appeals.TryGetValue(m.AppealId, out var n)) Put("AppealMessage", m.Id, n, $"/appeals/{m.AppealId}");
        foreach (var d in deadlines) Put("Deadline", d.Id, d.SubjectRef, PageOf(d.SubjectType, d.SubjectId));

        var wishIds = Ids("MicroWish");
        foreach (var (id, n) in await Numbers(db.MicroWishes.IgnoreQueryFilters().AsNoTracking().Where(a => wishIds.Contains(a.Id))
                     .Select(a => new KeyValuePair<Guid, string>(a.Id, a.Number)), wishIds, ct))
            Put("MicroWish", id, n, $"/wishes/{id}");
        var contractIds = Ids("ServiceContract");
        foreach (var (id, n) in await Numbers(db.ServiceContracts.IgnoreQueryFilters().AsNoTracking().Where(a => contractIds.Contains(a.Id))
                     .Select(a => new KeyValuePair<Guid, string>(a.Id, a.Number)), contractIds, ct))
            Put("ServiceContract", id, n, $"/purchasing/contracts/{id}");
        var fileIds = Ids("CaseFile");
        foreach (var (id, n) in await Numbers(db.CaseFiles.IgnoreQueryFilters().AsNoTracking().Where(a => fileIds.Contains(a.Id))
                     .Select(a => new KeyValuePair<Guid, string>(a.Id, a.Number)), fileIds, ct))
            Put("CaseFile", id, n, $"/casework/files/{id}");
        var itemIds = Ids("ClaimItem");
        foreach (var (id, n) in await Numbers(db.ClaimItems.IgnoreQueryFilters().AsNoTracking().Where(a => itemIds.Contains(a.Id))
                     .Select(a => new KeyValuePair<Guid, string>(a.Id, a.Number)), itemIds, ct))
            Put("ClaimItem", id, n, $"/claim-items/{id}");
        var userIds = Ids("User");
        foreach (var (id, n) in await Numbers(db.Users.IgnoreQueryFilters().AsNoTracking().Where(a => userIds.Contains(a.Id))
                     .Select(a => new KeyValuePair<Guid, string>(a.Id, a.UserName)), userIds, ct))
            Put("User", id, n, "/admin/users");
        var orgIds = Ids("Organization");
        foreach (var (id, n) in await Numbers(db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(a => orgIds.Contains(a.Id))
                     .Select(a => new KeyValuePair<Guid, string>(a.Id, a.Name)), orgIds, ct))
            Put("Organization", id, n, "/admin/organizations");
        return result;
    }

    private static string? PageOf(string type, Guid id) => type switch
    {
        "Appeal" => $"/appeals/{id}",
        "MicroProject" => $"/projects/{id}",
        "MicroWish" => $"/wishes/{id}",
        "ServiceContract" => $"/purchasing/contracts/{id}",
        "CaseFile" => $"/casework/files/{id}",
        "ClaimItem" => $"/claim-items/{id}",
        _ => null,
    };

    private static async Task<Dictionary<Guid, string>> Numbers(IQueryable<KeyValuePair<Guid, string>> q, List<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : (await q.ToListAsync(ct)).ToDictionary(kv => kv.Key, kv => kv.Value);
}
