using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record ResourceLinkView(Guid Id, Guid CaseFileId, LinkKind Kind, LinkSource Source, string ProviderName, Guid? ClaimantId, string Need,
    DateOnly LinkedOn, LinkState State, string? Result, DateOnly? ResultOn, long? AmountFen, string ByName, int Version);

/// <summary>
/// Resource linking (资源链接, R-CA-09): a person referred to policy aid (civil affairs, education, employment, health) or to
/// charity (organisations, firms, individuals, including donors already known to the claim board), tracked to the result.
/// </summary>
public static class LinkResource
{
    public sealed record Request(LinkKind? Kind, LinkSource? Source, string? ProviderName, Guid? ClaimantId, string? Need, DateOnly? LinkedOn);

    public sealed record Outcome(LinkState? State, string? Result, DateOnly? ResultOn, long? AmountFen, int? Version);

    public sealed record Filter(Guid? CaseFileId, LinkState? State, int Page = 1, int PageSize = 20);

    private static readonly LinkSource[] PolicySources = [LinkSource.CivilAffairs, LinkSource.Education, LinkSource.Employment, LinkSource.Health];

    public static async Task<ResourceLinkView> HandleAsync(GuanjiaDb db, CaseworkServices s, Guid fileId, Request r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var f = await Casework.FileAsync(db, fileId, ct);
        var c = new Check().Defined("kind", r.Kind, "资源类型").Defined("source", r.Source, "资源来源")
            .When(r.Kind == LinkKind.Policy && r.Source is { } ps && !PolicySources.Contains(ps), "source", "mismatch",
                "政策性救助资源应来自民政、教育、就业或医疗部门", "Policy aid comes from civil affairs, education, employment or health")
            .When(r.Kind == LinkKind.Charity && r.Source is { } cs && PolicySources.Contains(cs), "source", "mismatch",
                "公益慈善资源应来自社会组织、企业或个人", "Charity comes from an organisation, a firm or an individual")
            .When(r.LinkedOn is null, "linkedOn", "required", "请填写链接日期", "linkedOn is required")
            .When(r.LinkedOn > s.Today, "linkedOn", "in_future", "链接日期不能晚于今天", "linkedOn is in the future")
            .Required("need", r.Need, "需求", "Need").MaxLength("need", r.Need, 1000, "需求", "Need")
            .MaxLength("providerName", r.ProviderName, 100, "资源提供方", "Provider");
        string? provider = r.ProviderName?.Trim();
        if (r.ClaimantId is { } cid)
        {
            // Only a claimant of this jurisdiction's own board, and a donor (a person) is kept masked as the picker shows them.
            var claimant = await KnownDonors.Query(db).Where(x => x.Id == cid).Select(x => new { x.Kind, x.Name }).SingleOrDefaultAsync(ct);
            if (claimant is null) c.Add("claimantId", "unknown_claimant", "认领方不存在", "The claimant does not exist");
            else provider ??= KnownDonors.NameOf(claimant.Kind, claimant.Name);
            c.When(r.Kind != LinkKind.Charity, "claimantId", "mismatch", "认领大厅的爱心方只能作为公益慈善资源", "A claim-board donor is charity");
        }
        c.When(string.IsNullOrWhiteSpace(provider), "providerName", "required", "请填写资源提供方", "providerName is required");
        c.ThrowIfFailed();
        var link = new ResourceLink
        {
            Id = Guid.CreateVersion7(), CaseFileId = f.Id, ScopePath = f.ScopePath, Kind = r.Kind!.Value, Source = r.Source!.Value, ProviderName = provider!,
            ClaimantId = r.ClaimantId, Need = r.Need!.Trim(), LinkedOn = r.LinkedOn!.Value, ByName = db.Actor.Name,
        };
        await s.FireAsync(db, ResourceLinkWorkflow.Workflow, link, "Link", null, ct);
        db.ResourceLinks.Add(link);
        await db.Audit("LinkResource").SaveChangesAsync(ct);
        return ViewOf(link);
    }

    public static async Task<ResourceLinkView> RecordOutcomeAsync(GuanjiaDb db, CaseworkServices s, Guid id, Outcome r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var link = await db.ResourceLinks.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ResourceLink", "资源链接不存在或不在您的范围内", "The link does not exist or is outside your scope");
        new Check().When(r.State is not (LinkState.Succeeded or LinkState.Failed), "state", "invalid_value", "请选择“成功”或“未成功”",
                "state must be Succeeded or Failed")
            .Required("result", r.Result, "结果", "Result").MaxLength("result", r.Result, 1000, "结果", "Result")
            .When(r.ResultOn is null, "resultOn", "required", "请填写结果日期", "resultOn is required")
            .When(r.ResultOn > s.Today, "resultOn", "in_future", "结果日期不能晚于今天", "resultOn is in the future")
            .When(r.ResultOn < link.LinkedOn, "resultOn", "before_link", "结果日期不能早于链接日期", "resultOn is before linkedOn")
            .When(r.AmountFen is < 0, "amountFen", "out_of_range", "金额不能为负数", "amountFen is negative")
            .When(r.Version is null, "version", "required", "请提供读取时的版本号", "version is required")
            .When(link.State != LinkState.Linked, "state", "already_recorded", "结果已登记", "The result is already recorded").ThrowIfFailed();
        if (link.Version != r.Version)
            throw new CaseworkConflict("stale", "记录已被他人修改，请刷新后重试", "Changed meanwhile; reload", new() { ["serverVersion"] = link.Version });
        await s.FireAsync(db, ResourceLinkWorkflow.Workflow, link, "RecordOutcome", r.State!.Value.ToString(), ct);
        link.Result = r.Result!.Trim();
        link.ResultOn = r.ResultOn;
        link.AmountFen = r.AmountFen;
        await db.Audit("RecordLinkOutcome").SaveChangesAsync(ct);
        return ViewOf(link);
    }

    public static async Task<Paged<ResourceLinkView>> ListAsync(GuanjiaDb db, Filter f, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = db.ResourceLinks.AsNoTracking();
        if (f.CaseFileId is { } id) q = q.Where(x => x.CaseFileId == id);
        if (f.State is { } st) q = q.Where(x => x.State == st);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(x => x.LinkedOn).ThenByDescending(x => x.Id).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        return new Paged<ResourceLinkView>(rows.Select(ViewOf).ToList(), f.Page, f.PageSize, total);
    }

    public static ResourceLinkView ViewOf(ResourceLink l) => new(l.Id, l.CaseFileId, l.Kind, l.Source, l.ProviderName, l.ClaimantId, l.Need, l.LinkedOn,
        l.State, l.Result, l.ResultOn, l.AmountFen, l.ByName, l.Version);
}

/// <summary>The donors already known to the claim board, to link charity to; a person's name is masked.</summary>
public static class KnownDonors
{
    public sealed record DonorView(Guid Id, string Kind, string Name);

    public static async Task<IReadOnlyList<DonorView>> ListAsync(GuanjiaDb db, string? q, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var query = Query(db);
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(c => c.Name.Contains(q.Trim()));
        var rows = await query.OrderBy(c => c.Name).Take(50).Select(c => new { c.Id, c.Kind, c.Name }).ToListAsync(ct);
        return rows.Select(r => new DonorView(r.Id, r.Kind.ToString(), NameOf(r.Kind, r.Name))).ToList();
    }

    /// <summary>Donors known to this jurisdiction's claim board only: a claimant of another city's board is none of its business (ADR 0040).</summary>
    internal static IQueryable<Domain.Claims.Claimant> Query(GuanjiaDb db)
    {
        var jurisdiction = db.Actor.JurisdictionPath;
        return db.Claimants.AsNoTracking().Where(c => db.Claims.Any(x => x.ClaimantId == c.Id
            && db.ClaimItems.IgnoreQueryFilters().Any(i => i.Id == x.ItemId && i.ScopePath.StartsWith(jurisdiction))));
    }

    internal static string NameOf(Domain.Claims.ClaimantKind kind, string name) => kind == Domain.Claims.ClaimantKind.Donor ? Masking.Name(name) : name;
}
