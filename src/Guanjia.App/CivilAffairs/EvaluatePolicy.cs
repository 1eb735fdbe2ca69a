using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record EvaluationView(Guid Id, Guid TownId, string? TownName, int Year, int Quarter, DateOnly EvaluatedOn,
    IReadOnlyList<InvestigationMethod> Methods, int Interviews, int StandardsRight, int PaymentsRight, int Aware, int Satisfied,
    decimal StandardsRightRate, decimal PaymentsRightRate, decimal AwarenessRate, decimal SatisfactionRate, string? Findings, string RecordedByName);

/// <summary>
/// A town's quarterly policy evaluation (绩效评价, R-CA-06): the interviews sampled, and computed from them whether standards
/// and payments were right, the policy awareness rate and satisfaction (very satisfied or satisfied).
/// </summary>
public static class EvaluatePolicy
{
    public sealed record Interview(Guid? CaseFileId, bool? StandardRight, bool? PaymentRight, bool? AwareOfPolicy, Satisfaction? Satisfaction, string? Comment);

    public sealed record Request(Guid? TownId, int? Year, int? Quarter, DateOnly? EvaluatedOn, IReadOnlyList<InvestigationMethod>? Methods,
        IReadOnlyList<Interview>? Interviews, string? Findings);

    public static decimal Rate(int n, int of) => of == 0 ? 0 : Math.Round(n * 100m / of, 1, MidpointRounding.AwayFromZero);

    public static async Task<EvaluationView> HandleAsync(GuanjiaDb db, CaseworkServices s, Request r, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var interviews = r.Interviews ?? [];
        var c = new Check()
            .When(r.Year is null or < 2000 or > 2100, "year", "required", "请填写年度", "year is required")
            .When(r.Quarter is null or < 1 or > 4, "quarter", "required", "请选择季度（1至4）", "quarter must be 1 to 4")
            .When(r.EvaluatedOn is null, "evaluatedOn", "required", "请填写评价日期", "evaluatedOn is required")
            .When(r.EvaluatedOn > s.Today, "evaluatedOn", "in_future", "评价日期不能晚于今天", "evaluatedOn is in the future")
            .When((r.Methods ?? []).Count == 0, "methods", "required", "请选择评价方式", "methods is required").Enums("methods", r.Methods)
            .When(interviews.Count == 0, "interviews", "required", "请录入访谈记录", "interviews are required")
            .MaxLength("findings", r.Findings, 4000, "评价发现", "Findings");
        for (var i = 0; i < interviews.Count; i++)
        {
            var x = interviews[i];
            c.When(x.StandardRight is null, $"interviews[{i}].standardRight", "required", "请填写标准是否落实", "standardRight is required")
                .When(x.PaymentRight is null, $"interviews[{i}].paymentRight", "required", "请填写资金是否按时足额发放", "paymentRight is required")
                .When(x.AwareOfPolicy is null, $"interviews[{i}].awareOfPolicy", "required", "请填写是否知晓政策", "awareOfPolicy is required")
                .Defined($"interviews[{i}].satisfaction", x.Satisfaction, "满意度")
                .MaxLength($"interviews[{i}].comment", x.Comment, 1000, "意见", "Comment");
        }
        var town = r.TownId is { } tid ? await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == tid, ct) : null;
        if (town is null || !Domain.Organizations.Organization.IsTownKind(town.Kind) || !db.Actor.Sees(town.Path))
            c.Add("townId", "unknown_town", "请选择您范围内的镇（街道）", "Choose a town in your scope");
        var fileIds = interviews.Where(x => x.CaseFileId is not null).Select(x => x.CaseFileId!.Value).Distinct().ToList();
        if (fileIds.Count > 0 && await db.CaseFiles.CountAsync(f => fileIds.Contains(f.Id), ct) != fileIds.Count)
            c.Add("interviews", "unknown_file", "访谈对象的档案不存在或不在您的范围内", "An interviewed file does not exist or is outside your scope");
        c.ThrowIfFailed();
        var e = new PolicyEvaluation
        {
            Id = Guid.CreateVersion7(), TownId = town!.Id, ScopePath = town.Path, Year = r.Year!.Value, Quarter = r.Quarter!.Value,
            EvaluatedOn = r.EvaluatedOn!.Value, Methods = Casework.Join(r.Methods), Interviews = interviews.Count,
            StandardsRight = interviews.Count(x => x.StandardRight == true), PaymentsRight = interviews.Count(x => x.PaymentRight == true),
            Aware = interviews.Count(x => x.AwareOfPolicy == true),
            Satisfied = interviews.Count(x => x.Satisfaction is Satisfaction.VerySatisfied or Satisfaction.Satisfied),
            Findings = r.Findings?.Trim(), RecordedByName = db.Actor.Name, CreatedAt = s.Now,
        };
        db.PolicyEvaluations.Add(e);
        db.PolicyEvaluationInterviews.AddRange(interviews.Select(x => new PolicyEvaluationInterview
        {
            Id = Guid.CreateVersion7(), EvaluationId = e.Id, ScopePath = e.ScopePath, CaseFileId = x.CaseFileId, StandardRight = x.StandardRight!.Value,
            PaymentRight = x.PaymentRight!.Value, AwareOfPolicy = x.AwareOfPolicy!.Value, Satisfaction = x.Satisfaction!.Value, Comment = x.Comment?.Trim(),
        }));
        var station = await db.CivilAffairsStations.AsNoTracking().FirstOrDefaultAsync(x => x.TownId == town.Id, ct);
        if (station is not null)
        {
            var doneAt = e.EvaluatedOn == s.Today ? s.Now : ChinaTime.EndOfDay(e.EvaluatedOn);
            await CaseworkDeadlines.MeetAsync(db, s, CaseworkObligations.PolicyEvaluation,
                new Deadlines.DeadlineBook.Subject(CaseworkDeadlines.StationSubject, station.Id, station.Name, station.ScopePath), town.Id,
                CaseworkDeadlines.QuarterStart(e.Year, e.Quarter), CaseworkDeadlines.QuarterEnd(e.Year, e.Quarter), doneAt, ct);
        }
        await db.Audit("EvaluatePolicy").SaveChangesAsync(ct);
        return (await ViewsAsync(db, [e], ct))[0];
    }

    public static async Task<IReadOnlyList<EvaluationView>> ListAsync(GuanjiaDb db, int? year, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRead);
        var q = db.PolicyEvaluations.AsNoTracking();
        if (year is { } y) q = q.Where(e => e.Year == y);
        return await ViewsAsync(db, await q.OrderByDescending(e => e.Year).ThenByDescending(e => e.Quarter).Take(200).ToListAsync(ct), ct);
    }

    private static async Task<IReadOnlyList<EvaluationView>> ViewsAsync(GuanjiaDb db, IReadOnlyList<PolicyEvaluation> rows, CancellationToken ct)
    {
        var names = await Casework.NamesAsync(db, rows.Select(r => r.TownId), ct);
        return rows.Select(e => new EvaluationView(e.Id, e.TownId, names.GetValueOrDefault(e.TownId), e.Year, e.Quarter, e.EvaluatedOn,
            Casework.Split<InvestigationMethod>(e.Methods), e.Interviews, e.StandardsRight, e.PaymentsRight, e.Aware, e.Satisfied,
            Rate(e.StandardsRight, e.Interviews), Rate(e.PaymentsRight, e.Interviews), Rate(e.Aware, e.Interviews), Rate(e.Satisfied, e.Interviews),
            e.Findings, e.RecordedByName)).ToList();
    }
}
