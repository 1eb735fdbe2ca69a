using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.PolicyCatalogue;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.PolicyCatalogue;

public sealed record PolicyView(Guid Id, string Name, string Department, Guid? DepartmentOrgId, string Contact, string Covers,
    IReadOnlyList<string> Keywords, bool IsActive, DateTimeOffset UpdatedAt, int Version);

public sealed record PolicyMatch(PolicyView Policy, int Score);

/// <summary>The city keeps the current livelihood policy list (R-IN-05); everyone checks items against it.</summary>
public static class Policies
{
    public sealed record Save(string? Name, string? Department, Guid? DepartmentOrgId, string? Contact, string? Covers, string? Keywords,
        bool? IsActive, int? Version, string? Reason);

    internal static PolicyView ToView(Policy p) =>
        new(p.Id, p.Name, p.Department, p.DepartmentOrgId, p.Contact, p.Covers, p.KeywordList.ToList(), p.IsActive, p.UpdatedAt, p.Version);

    public static async Task<Paged<PolicyView>> ListAsync(GuanjiaDb db, string? q, bool activeOnly, int page, int pageSize, CancellationToken ct)
    {
        new PageRequest(page, pageSize).Validate();
        var query = db.Policies.AsNoTracking();
        if (activeOnly) query = query.Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            query = query.Where(p => p.Name.Contains(t) || p.Covers.Contains(t) || p.Keywords.Contains(t) || p.Department.Contains(t));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.Name).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<PolicyView>(rows.Select(ToView).ToList(), page, pageSize, total);
    }

    public static async Task<PolicyView> GetAsync(GuanjiaDb db, Guid id, CancellationToken ct) =>
        ToView(await db.Policies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFound("Policy", "政策不存在", "The policy does not exist"));

    private static void Validate(Save r) => new Check()
        .Required("name", r.Name, "政策名称", "Name").MaxLength("name", r.Name, 100, "政策名称", "Name")
        .Required("department", r.Department, "责任部门", "Department").MaxLength("department", r.Department, 100, "责任部门", "Department")
        .Required("contact", r.Contact, "联系方式", "Contact").MaxLength("contact", r.Contact, 100, "联系方式", "Contact")
        .Required("covers", r.Covers, "保障内容", "What it covers").MaxLength("covers", r.Covers, 2000, "保障内容", "What it covers")
        .Required("keywords", r.Keywords, "关键词", "Keywords").MaxLength("keywords", r.Keywords, 400, "关键词", "Keywords")
        .MaxLength("reason", r.Reason, 500, "原因", "Reason")
        .ThrowIfFailed();

    public static async Task<PolicyView> CreateAsync(GuanjiaDb db, TimeProvider clock, Save r, CancellationToken ct)
    {
        Validate(r);
        if (await db.Policies.AnyAsync(p => p.Name == r.Name!.Trim(), ct))
            throw new ValidationFailed("name", "duplicate", "已有同名政策", "A policy with this name exists");
        var p = new Policy
        {
            Id = Guid.CreateVersion7(), Name = r.Name!.Trim(), Department = r.Department!.Trim(), DepartmentOrgId = r.DepartmentOrgId,
            Contact = r.Contact!.Trim(), Covers = r.Covers!.Trim(), Keywords = r.Keywords!.Trim(), IsActive = r.IsActive ?? true,
            UpdatedAt = clock.GetUtcNow(),
        };
        db.Policies.Add(p);
        await db.Audit("CreatePolicy", r.Reason).SaveChangesAsync(ct);
        return ToView(p);
    }

    public static async Task<PolicyView> UpdateAsync(GuanjiaDb db, TimeProvider clock, Guid id, Save r, CancellationToken ct)
    {
        Validate(r);
        new Check().Required("reason", r.Reason, "修改原因", "Reason").ThrowIfFailed();
        var p = await db.Policies.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound("Policy", "政策不存在", "The policy does not exist");
        if (r.Version is { } v && v != p.Version) throw new Conflict("政策已被他人修改，请刷新后重试", "The policy was changed by someone else; reload");
        p.Name = r.Name!.Trim();
        p.Department = r.Department!.Trim();
        p.DepartmentOrgId = r.DepartmentOrgId;
        p.Contact = r.Contact!.Trim();
        p.Covers = r.Covers!.Trim();
        p.Keywords = r.Keywords!.Trim();
        p.IsActive = r.IsActive ?? p.IsActive;
        p.UpdatedAt = clock.GetUtcNow();
        await db.Audit("UpdatePolicy", r.Reason).SaveChangesAsync(ct);
        return ToView(p);
    }

    /// <summary>The active policies whose keywords the appeal's words contain, best first: the check of R-IN-05.</summary>
    public static async Task<IReadOnlyList<PolicyMatch>> MatchAppealAsync(GuanjiaDb db, Guid appealId, CancellationToken ct)
    {
        var a = await db.Appeals.AsNoTracking().Where(x => x.Id == appealId).Select(x => new { x.Title, x.Description }).SingleOrDefaultAsync(ct)
            ?? throw new NotFound("Appeal", "诉求不存在或不在您的管辖范围内", "The appeal does not exist or is outside your scope");
        var text = a.Title + "\n" + a.Description;
        // The list is short (dozens of policies); matching words in memory is simpler than full-text search.
        var active = await db.Policies.AsNoTracking().Where(p => p.IsActive).ToListAsync(ct);
        return active.Select(p => new PolicyMatch(ToView(p), p.MatchScore(text))).Where(m => m.Score > 0)
            .OrderByDescending(m => m.Score).ThenBy(m => m.Policy.Name).ToList();
    }
}
