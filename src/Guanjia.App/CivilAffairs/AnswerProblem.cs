using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

/// <summary>
/// The village and the town answer a problem reported from a visit (R-CA-08) or a screening (R-CA-04, the town only);
/// it stays open until every addressee has answered.
/// </summary>
public static class AnswerProblem
{
    public sealed record Request(string? Answer);

    public sealed record Filter(bool? Open, Guid? VillageId, ProblemSource? Source, int Page = 1, int PageSize = 20);

    public static async Task<ProblemView> HandleAsync(GuanjiaDb db, CaseworkServices s, Guid id, Request r, CancellationToken ct)
    {
        var asTown = db.Actor.Has(Permissions.CaseworkTown);
        if (!asTown && !db.Actor.Has(Permissions.CaseworkVillageAnswer))
            throw new Forbidden("只有村（社区）或镇街可以答复上报的问题", "Only the village or the town answers reported problems");
        var p = await db.ReportedProblems.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFound("ReportedProblem", "问题不存在或不在您的范围内", "The problem does not exist or is outside your scope");
        new Check().Required("answer", r.Answer, "答复", "Answer").MaxLength("answer", r.Answer, 2000, "答复", "Answer")
            .When(!asTown && !p.VillageMustAnswer, "answer", "town_only", "该问题上报镇街，由镇街答复", "This problem is answered by the town")
            .ThrowIfFailed();
        if (asTown)
        {
            p.TownAnswer = r.Answer!.Trim();
            p.TownAnsweredAt = s.Now;
            p.TownAnsweredBy = db.Actor.Name;
        }
        else
        {
            p.VillageAnswer = r.Answer!.Trim();
            p.VillageAnsweredAt = s.Now;
            p.VillageAnsweredBy = db.Actor.Name;
        }
        p.IsOpen = p.TownAnsweredAt is null || (p.VillageMustAnswer && p.VillageAnsweredAt is null);
        await db.Audit(asTown ? "AnswerProblemTown" : "AnswerProblemVillage").SaveChangesAsync(ct);
        return VisitQueries.ProblemOf(p);
    }

    public static async Task<Paged<ProblemView>> ListAsync(GuanjiaDb db, Filter f, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        new PageRequest(f.Page, f.PageSize).Validate();
        var q = db.ReportedProblems.AsNoTracking();
        if (f.Open is { } open) q = q.Where(p => p.IsOpen == open);
        if (f.VillageId is { } v) q = q.Where(p => p.VillageId == v);
        if (f.Source is { } src) q = q.Where(p => p.Source == src);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(p => p.ReportedAt).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(ct);
        return new Paged<ProblemView>(rows.Select(VisitQueries.ProblemOf).ToList(), f.Page, f.PageSize, total);
    }
}
