using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

public sealed record VentureScoreView(Guid Id, string Reviewer, IReadOnlyList<CriterionScore> Scores, decimal Total, string? Comment, DateTimeOffset ScoredAt,
    string RecordedByName);

public sealed record VentureProgressView(Guid Id, DateOnly On, string Text, Guid? AttachmentId, string RecordedByName, DateTimeOffset CreatedAt);

public sealed record VentureApplicationView(Guid Id, Guid RoundId, CommunityOrganisationKind ApplicantKind, Guid? OrganisationId, string ApplicantName,
    string ProjectName, VentureCategory Category, string Summary, long AmountFen, int Beneficiaries, DateOnly SubmittedOn, VentureApplicationState State,
    decimal? AverageScore, int ScoreCount, long? GrantedFen, string? Result, DateTimeOffset? CompletedAt, IReadOnlyList<VentureScoreView> Scores,
    IReadOnlyList<VentureProgressView> Progress, int Version);

public sealed record VentureRoundView(Guid Id, Guid TownId, string TownName, int Year, string Title, string? Description, long BudgetFen, long CapFen,
    DateOnly ApplyFrom, DateOnly ApplyTo, IReadOnlyList<VentureCriterion> Criteria, IReadOnlyList<string> Panel, VentureRoundState State, string StateZh,
    DateTimeOffset? OpenedAt, DateTimeOffset? DecidedAt, string? DecisionNote, long GrantedFen, int Applications, int Funded,
    IReadOnlyList<VentureApplicationView> ApplicationList, int Version);

/// <summary>
/// R-PS-02 (004 四(六)2), R-CA-10: a street's micro venture-philanthropy round — the call (budget, per-project cap, application window,
/// weighted criteria, panel), applications, the panel's scores, the funding decision within the budget, and the funded projects' progress.
/// States move only by the rows of <see cref="VentureWorkflows"/>; opening a round meets the street's yearly obligation (ADR 0035).
/// </summary>
public static class VentureRounds
{
    public sealed record Create(Guid? TownId, string? Title, string? Description, long? BudgetFen, long? CapFen, string? ApplyFrom, string? ApplyTo,
        IReadOnlyList<VentureCriterion>? Criteria, IReadOnlyList<string>? Panel);

    public sealed record Step(string? Action, string? Note, int? Version);

    public sealed record Apply(CommunityOrganisationKind? ApplicantKind, Guid? OrganisationId, string? ApplicantName, string? ProjectName,
        VentureCategory? Category, string? Summary, long? AmountFen, int? Beneficiaries);

    public sealed record Score(string? Reviewer, IReadOnlyList<CriterionScore>? Scores, string? Comment);

    public sealed record Grant(Guid? ApplicationId, long? GrantedFen);

    public sealed record Decide(IReadOnlyList<Grant>? Funded, string? Note, int? Version);

    public sealed record Progress(string? On, string? Text, Guid? AttachmentId);

    public sealed record Complete(string? Result, int? Version);

    private static NotFound RoundMissing() => new("VentureRound", "创投活动不存在或不在您的管辖范围内", "The round does not exist or is outside your scope");

    private static NotFound ApplicationMissing() =>
        new("VentureApplication", "申报项目不存在或不在您的管辖范围内", "The application does not exist or is outside your scope");

    public static async Task<VentureRoundView> CreateAsync(GuanjiaDb db, PurchasingServices s, Create r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var town = await Incubation.TownAsync(db, r.TownId, ct);
        var c = new Check().When(town is null, "townId", "not_a_town", "请选择本管辖区的街道（乡镇、开发区）", "Choose a street, town or zone of your jurisdiction")
            .Required("title", r.Title, "创投活动名称", "Title").MaxLength("title", r.Title, 200, "创投活动名称", "Title")
            .MaxLength("description", r.Description, 4000, "公告内容", "Description")
            .When(r.BudgetFen is null or <= 0 or > 100_000_000_00, "budgetFen", "out_of_range", "请填写本届创投资金预算（分，大于0）", "budgetFen must be positive (fen)")
            .When(r.CapFen is null or <= 0, "capFen", "out_of_range", "请填写单个项目资助上限（分，大于0）", "capFen must be positive (fen)")
            .When(r.CapFen > r.BudgetFen, "capFen", "cap_over_budget", "单个项目资助上限不能超过本届预算", "The per-project cap cannot exceed the budget");
        var from = PurchasingSteps.Date(c, "applyFrom", r.ApplyFrom, "申报开始日期", "applyFrom");
        var to = PurchasingSteps.Date(c, "applyTo", r.ApplyTo, "申报截止日期", "applyTo");
        c.When(from is not null && to is not null && to < from, "applyTo", "before_start", "申报截止日期不能早于开始日期", "applyTo cannot be before applyFrom")
            .When(from is not null && to is not null && to.Value.Year != from.Value.Year, "applyTo", "other_year", "申报期须在同一年度内（每年至少一届）",
                "The application window lies within one year (one round a year at least)");
        VentureRules.CheckCriteria(c, r.Criteria);
        var panel = (r.Panel ?? []).Select(p => p?.Trim() ?? "").ToList();
        c.When(panel.Count == 0, "panel", "required", "请列出评审小组成员", "List the review panel")
            .When(panel.Count > 15, "panel", "too_many", "评审小组最多15人", "At most 15 panel members")
            .When(panel.Any(p => p.Length is 0 or > 50), "panel", "invalid", "评审小组成员姓名须为1到50个字", "Panel members' names are 1 to 50 characters")
            .When(panel.Count != panel.Distinct().Count(), "panel", "duplicate", "评审小组成员不能重复", "Panel members must differ");
        c.ThrowIfFailed();
        var round = new VentureRound
        {
            Id = Guid.CreateVersion7(), TownId = town!.Id, ScopePath = town.Path, Year = from!.Value.Year, Title = r.Title!.Trim(),
            Description = Incubation.Trim(r.Description), BudgetFen = r.BudgetFen!.Value, CapFen = r.CapFen!.Value, ApplyFrom = from.Value, ApplyTo = to!.Value,
            CriteriaJson = PurchasingSteps.Write(r.Criteria!.Select(x => x with { Name = x.Name!.Trim(), Description = Incubation.Trim(x.Description) }).ToList()),
            PanelJson = PurchasingSteps.Write(panel), CreatedAt = s.Clock.GetUtcNow(),
        };
        db.VentureRounds.Add(round);
        await s.Workflow.FireAsync(db, VentureWorkflows.Round, round, "Draft", null, s.Workflow.At(), ct);
        // The street's obligation of the round's year is on record from the first call on (R-PS-02).
        await VentureDeadlines.EnsureAsync(db, s, town, round.Year, ct);
        await db.Audit("DraftVentureRound").SaveChangesAsync(ct);
        return await GetAsync(db, round.Id, ct);
    }

    /// <summary>Open (publishes the call; meets the street's yearly obligation), StartReview (closes applications), Close (all funded projects completed).</summary>
    public static async Task<VentureRoundView> StepAsync(GuanjiaDb db, PurchasingServices s, Guid id, Step r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var round = await db.VentureRounds.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw RoundMissing();
        new Check().When(r.Action is not ("Open" or "StartReview" or "Close"), "action", "invalid", "请选择发布、开始评审或结束",
            "action must be Open, StartReview or Close").MaxLength("note", r.Note, 500, "说明", "Note").ThrowIfFailed();
        if (r.Version is { } v && v != round.Version) throw new Conflict("创投活动已被他人修改，请刷新后重试", "The round was changed by someone else; reload and retry");
        if (!VentureWorkflows.Round.Allows(round, r.Action!))
            throw new ValidationFailed("action", "not_allowed", $"创投活动当前为“{VentureTerms.Zh(round.State)}”，不能执行此操作",
                $"{r.Action} does not apply to a round that is {round.State}");
        var now = s.Clock.GetUtcNow();
        if (r.Action == "Close")
            new Check().When(await db.VentureApplications.AnyAsync(a => a.RoundId == round.Id && a.State == VentureApplicationState.Funded, ct), "action",
                "projects_open", "还有资助项目未结项", "Some funded projects are not completed").ThrowIfFailed();
        if (r.Action == "StartReview")
            new Check().When(!await db.VentureApplications.AnyAsync(a => a.RoundId == round.Id, ct), "action", "no_applications", "本届创投还没有申报项目",
                "The round has no applications").ThrowIfFailed();
        await s.Workflow.FireAsync(db, VentureWorkflows.Round, round, r.Action!, null, s.Workflow.At(reason: r.Note), ct);
        if (r.Action == "Open")
        {
            round.OpenedAt = now;
            var town = await Incubation.TownAsync(db, round.TownId, ct) ?? throw RoundMissing();
            var row = await VentureDeadlines.EnsureAsync(db, s, town, round.Year, ct);
            if (row.IsOpen) row.Meet(now, now > row.DueAt ? $"补开（{round.Title}）" : null);
        }
        if (r.Action == "Close") round.ClosedAt = now;
        await db.Audit(r.Action switch { "Open" => "OpenVentureRound", "StartReview" => "StartVentureReview", _ => "CloseVentureRound" }, r.Note)
            .SaveChangesAsync(ct);
        return await GetAsync(db, round.Id, ct);
    }

    /// <summary>An application, within the window of an open round, for at most the per-project cap.</summary>
    public static async Task<VentureApplicationView> ApplyAsync(GuanjiaDb db, PurchasingServices s, Guid roundId, Apply r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var round = await db.VentureRounds.AsNoTracking().SingleOrDefaultAsync(x => x.Id == roundId, ct) ?? throw RoundMissing();
        var today = PurchasingSteps.Today(s.Clock);
        var c = new Check()
            .When(round.State != VentureRoundState.Open, "roundId", "round_not_open", "创投活动不在申报阶段", "The round is not taking applications")
            .When(round.State == VentureRoundState.Open && (today < round.ApplyFrom || today > round.ApplyTo), "roundId", "outside_window",
                $"不在申报期内（{round.ApplyFrom:yyyy-MM-dd}至{round.ApplyTo:yyyy-MM-dd}）",
                $"Outside the application window ({round.ApplyFrom:yyyy-MM-dd} to {round.ApplyTo:yyyy-MM-dd})")
            .When(r.ApplicantKind is null || !Enum.IsDefined(r.ApplicantKind.Value), "applicantKind", "required",
                "请选择申报主体类别（社区社会组织、居民委员会下属委员会、楼栋团队等）", "Choose the applicant's kind")
            .Required("projectName", r.ProjectName, "项目名称", "Project name").MaxLength("projectName", r.ProjectName, 200, "项目名称", "Project name")
            .When(r.Category is null || !Enum.IsDefined(r.Category.Value), "category", "required", "请选择项目类别", "Choose the project's category")
            .Required("summary", r.Summary, "项目简介", "Summary").MaxLength("summary", r.Summary, 4000, "项目简介", "Summary")
            .When(r.AmountFen is null or <= 0, "amountFen", "out_of_range", "申请金额须大于0（分）", "amountFen must be positive (fen)")
            .When(r.AmountFen > round.CapFen, "amountFen", "over_cap", $"申请金额超过单个项目资助上限{PurchasingSteps.Yuan(round.CapFen)}",
                $"The amount exceeds the per-project cap of {PurchasingSteps.Yuan(round.CapFen)}")
            .When(r.Beneficiaries is null or < 1 or > 1_000_000, "beneficiaries", "out_of_range", "受益人数须为正整数", "beneficiaries must be a positive whole number");
        IncubatedOrganisation? org = null;
        if (r.OrganisationId is { } oid)
        {
            org = await db.IncubatedOrganisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == oid && o.TownId == round.TownId, ct);
            c.When(org is null, "organisationId", "unknown", "申报组织不是本街道登记的孵化组织", "The organisation is not one incubated in the round's street")
                .When(org?.State is IncubationState.Withdrawn, "organisationId", "withdrawn", "该组织已退出孵化", "The organisation has withdrawn");
        }
        else
        {
            c.Required("applicantName", r.ApplicantName, "申报主体名称", "Applicant").MaxLength("applicantName", r.ApplicantName, 100, "申报主体名称", "Applicant");
        }
        c.ThrowIfFailed();
        var a = new VentureApplication
        {
            Id = Guid.CreateVersion7(), RoundId = round.Id, ScopePath = round.ScopePath, ApplicantKind = org?.Kind ?? r.ApplicantKind!.Value, OrganisationId = org?.Id,
            ApplicantName = org?.Name ?? r.ApplicantName!.Trim(), ProjectName = r.ProjectName!.Trim(), Category = r.Category!.Value, Summary = r.Summary!.Trim(),
            AmountFen = r.AmountFen!.Value, Beneficiaries = r.Beneficiaries!.Value, SubmittedOn = today, CreatedAt = s.Clock.GetUtcNow(),
        };
        db.VentureApplications.Add(a);
        await s.Workflow.FireAsync(db, VentureWorkflows.Application, a, "Submit", null, s.Workflow.At(), ct);
        await db.Audit("SubmitVentureApplication").SaveChangesAsync(ct);
        return await ApplicationAsync(db, a.Id, ct);
    }

    /// <summary>A panel member scores every criterion of an application once, while the round is in review; the application keeps the mean.</summary>
    public static async Task<VentureApplicationView> ScoreAsync(GuanjiaDb db, PurchasingServices s, Guid applicationId, Score r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var a = await db.VentureApplications.SingleOrDefaultAsync(x => x.Id == applicationId, ct) ?? throw ApplicationMissing();
        var round = await db.VentureRounds.AsNoTracking().SingleAsync(x => x.Id == a.RoundId, ct);
        var criteria = PurchasingSteps.ReadList<VentureCriterion>(round.CriteriaJson);
        var panel = PurchasingSteps.ReadList<string>(round.PanelJson);
        var reviewer = r.Reviewer?.Trim();
        var c = new Check().When(round.State != VentureRoundState.Reviewing, "roundId", "round_not_reviewing",
                $"创投活动当前为“{VentureTerms.Zh(round.State)}”，不在评审阶段", $"The round is {round.State}, not in review")
            .When(reviewer is null || !panel.Contains(reviewer), "reviewer", "not_on_panel", "评分人不是本届评审小组成员", "The reviewer is not on the round's panel")
            .MaxLength("comment", r.Comment, 1000, "评审意见", "Comment");
        VentureRules.CheckScores(c, criteria, r.Scores);
        c.ThrowIfFailed();
        if (await db.VentureScores.AnyAsync(x => x.ApplicationId == a.Id && x.Reviewer == reviewer, ct))
            throw new Conflict($"{reviewer}已为该项目评分，每位评审只评一次", $"{reviewer} has already scored this application; each reviewer scores once");
        var total = VentureRules.Total(criteria, r.Scores!);
        db.VentureScores.Add(new VentureScore
        {
            Id = Guid.CreateVersion7(), ApplicationId = a.Id, RoundId = round.Id, ScopePath = a.ScopePath, Reviewer = reviewer!,
            ScoresJson = PurchasingSteps.Write(criteria.Select(cr => new CriterionScore(cr.Name, r.Scores!.First(x => x.Criterion?.Trim() == cr.Name).Score)).ToList()),
            Total = total, Comment = Incubation.Trim(r.Comment), ScoredAt = s.Clock.GetUtcNow(), RecordedByName = db.Actor.Name,
        });
        var totals = await db.VentureScores.Where(x => x.ApplicationId == a.Id).Select(x => x.Total).ToListAsync(ct);
        totals.Add(total);
        a.AverageScore = VentureRules.Mean(totals);
        // The application's version moves with each score: two sheets saved at once for one application cannot both count (409).
        a.ScoreCount = totals.Count;
        await db.Audit("ScoreVentureApplication").SaveChangesAsync(ct);
        return await ApplicationAsync(db, a.Id, ct);
    }

    /// <summary>The funding decision: the funded applications and their grants (each ≤ what was asked), within the round's budget; the rest are not funded.</summary>
    public static async Task<VentureRoundView> DecideAsync(GuanjiaDb db, PurchasingServices s, Guid roundId, Decide r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var round = await db.VentureRounds.SingleOrDefaultAsync(x => x.Id == roundId, ct) ?? throw RoundMissing();
        var apps = await db.VentureApplications.Where(a => a.RoundId == round.Id).ToListAsync(ct);
        var funded = r.Funded ?? [];
        var c = new Check().When(round.State != VentureRoundState.Reviewing, "roundId", "round_not_reviewing",
                $"创投活动当前为“{VentureTerms.Zh(round.State)}”，不能确定资助", $"The round is {round.State}; only a round in review is decided")
            .MaxLength("note", r.Note, 1000, "说明", "Note")
            .When(funded.Select(f => f.ApplicationId).Distinct().Count() != funded.Count, "funded", "duplicate", "同一项目不能重复列入", "An application is listed twice");
        for (var i = 0; i < funded.Count; i++)
        {
            var f = funded[i];
            var a = apps.FirstOrDefault(x => x.Id == f.ApplicationId);
            c.When(a is null, $"funded[{i}].applicationId", "unknown", "不是本届创投的申报项目", "Not an application of this round")
                .When(a is not null && a.ScoreCount == 0, $"funded[{i}].applicationId", "not_scored", "该项目尚未经评审小组评分", "The panel has not scored it")
                .When(f.GrantedFen is null or <= 0, $"funded[{i}].grantedFen", "out_of_range", "资助金额须大于0（分）", "grantedFen must be positive (fen)")
                .When(a is not null && f.GrantedFen > a.AmountFen, $"funded[{i}].grantedFen", "over_asked", "资助金额不能超过申请金额", "A grant cannot exceed what was asked");
        }
        var sum = funded.Sum(f => f.GrantedFen ?? 0);
        c.When(!VentureRules.WithinBudget(round.BudgetFen, funded.Select(f => f.GrantedFen ?? 0)), "funded", "over_budget",
            $"资助合计{PurchasingSteps.Yuan(sum)}，超过本届预算{PurchasingSteps.Yuan(round.BudgetFen)}",
            $"The grants add up to {PurchasingSteps.Yuan(sum)}, more than the round's budget of {PurchasingSteps.Yuan(round.BudgetFen)}");
        c.ThrowIfFailed();
        if (r.Version is { } v && v != round.Version) throw new Conflict("创投活动已被他人修改，请刷新后重试", "The round was changed by someone else; reload and retry");
        foreach (var a in apps)
        {
            var grant = funded.FirstOrDefault(f => f.ApplicationId == a.Id);
            await s.Workflow.FireAsync(db, VentureWorkflows.Application, a, "Decide", grant is null ? "NotFunded" : "Funded", s.Workflow.At(), ct);
            a.GrantedFen = grant?.GrantedFen;
        }
        await s.Workflow.FireAsync(db, VentureWorkflows.Round, round, "Decide", null, s.Workflow.At(reason: r.Note), ct);
        round.DecidedAt = s.Clock.GetUtcNow();
        round.DecisionNote = Incubation.Trim(r.Note);
        await db.Audit("DecideVentureRound", r.Note).SaveChangesAsync(ct);
        return await GetAsync(db, round.Id, ct);
    }

    /// <summary>A progress entry of a funded project (date, text, optionally one of its uploaded files).</summary>
    public static async Task<VentureApplicationView> ProgressAsync(GuanjiaDb db, PurchasingServices s, Guid applicationId, Progress r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var a = await db.VentureApplications.AsNoTracking().SingleOrDefaultAsync(x => x.Id == applicationId, ct) ?? throw ApplicationMissing();
        var c = new Check().When(a.State != VentureApplicationState.Funded, "applicationId", "not_funded", "只有在实施中的资助项目可以记录进展",
                "Only a funded project in progress takes progress entries")
            .Required("text", r.Text, "进展情况", "Text").MaxLength("text", r.Text, 2000, "进展情况", "Text");
        var on = PurchasingSteps.Date(c, "on", r.On, "日期", "on");
        c.When(on > PurchasingSteps.Today(s.Clock), "on", "in_future", "进展日期不能晚于今天", "on cannot be in the future");
        if (r.AttachmentId is { } aid)
            c.When(!await db.Attachments.AnyAsync(x => x.Id == aid && x.OwnerType == nameof(VentureApplication) && x.OwnerId == a.Id, ct), "attachmentId",
                "unknown_attachment", "文件不属于该项目", "The file is not one of the project's");
        c.ThrowIfFailed();
        db.VentureProgress.Add(new VentureProgress
        {
            Id = Guid.CreateVersion7(), ApplicationId = a.Id, ScopePath = a.ScopePath, On = on!.Value, Text = r.Text!.Trim(), AttachmentId = r.AttachmentId,
            CreatedAt = s.Clock.GetUtcNow(), RecordedByName = db.Actor.Name,
        });
        await db.Audit("RecordVentureProgress").SaveChangesAsync(ct);
        return await ApplicationAsync(db, a.Id, ct);
    }

    /// <summary>Closes a funded project with its result.</summary>
    public static async Task<VentureApplicationView> CompleteAsync(GuanjiaDb db, PurchasingServices s, Guid applicationId, Complete r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var a = await db.VentureApplications.SingleOrDefaultAsync(x => x.Id == applicationId, ct) ?? throw ApplicationMissing();
        new Check().When(a.State != VentureApplicationState.Funded, "applicationId", "not_funded", "只有在实施中的资助项目可以结项", "Only a funded project is completed")
            .Required("result", r.Result, "实施成效", "Result").MaxLength("result", r.Result, 2000, "实施成效", "Result").ThrowIfFailed();
        if (r.Version is { } v && v != a.Version) throw new Conflict("项目已被他人修改，请刷新后重试", "The project was changed by someone else; reload and retry");
        await s.Workflow.FireAsync(db, VentureWorkflows.Application, a, "Complete", null, s.Workflow.At(), ct);
        a.Result = r.Result!.Trim();
        a.CompletedAt = s.Clock.GetUtcNow();
        await db.Audit("CompleteVentureProject").SaveChangesAsync(ct);
        return await ApplicationAsync(db, a.Id, ct);
    }

    public static async Task<IReadOnlyList<VentureRoundView>> ListAsync(GuanjiaDb db, Guid? townId, int? year, CancellationToken ct)
    {
        var q = db.VentureRounds.AsNoTracking();
        if (townId is { } t) q = q.Where(x => x.TownId == t);
        if (year is { } y) q = q.Where(x => x.Year == y);
        var rounds = await q.OrderByDescending(x => x.Year).ThenByDescending(x => x.CreatedAt).Take(300).ToListAsync(ct);
        var ids = rounds.Select(x => x.Id).ToList();
        var apps = await db.VentureApplications.AsNoTracking().Where(a => ids.Contains(a.RoundId)).ToListAsync(ct);
        var towns = await TownNamesAsync(db, rounds, ct);
        return rounds.Select(x => View(x, towns, apps.Where(a => a.RoundId == x.Id).ToList(), [])).ToList();
    }

    public static async Task<VentureRoundView> GetAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var round = await db.VentureRounds.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw RoundMissing();
        var apps = await db.VentureApplications.AsNoTracking().Where(a => a.RoundId == id).OrderByDescending(a => a.AverageScore).ThenBy(a => a.CreatedAt)
            .ToListAsync(ct);
        var views = new List<VentureApplicationView>();
        foreach (var a in apps) views.Add(await ApplicationAsync(db, a.Id, ct));
        return View(round, await TownNamesAsync(db, [round], ct), apps, views);
    }

    public static async Task<VentureApplicationView> ApplicationAsync(GuanjiaDb db, Guid id, CancellationToken ct)
    {
        var a = await db.VentureApplications.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw ApplicationMissing();
        var scores = await db.VentureScores.AsNoTracking().Where(x => x.ApplicationId == id).OrderBy(x => x.ScoredAt).ToListAsync(ct);
        var progress = await db.VentureProgress.AsNoTracking().Where(x => x.ApplicationId == id).OrderByDescending(x => x.On).ThenByDescending(x => x.CreatedAt)
            .ToListAsync(ct);
        return new VentureApplicationView(a.Id, a.RoundId, a.ApplicantKind, a.OrganisationId, a.ApplicantName, a.ProjectName, a.Category, a.Summary, a.AmountFen,
            a.Beneficiaries, a.SubmittedOn, a.State, a.AverageScore, a.ScoreCount, a.GrantedFen, a.Result, a.CompletedAt,
            scores.Select(x => new VentureScoreView(x.Id, x.Reviewer, PurchasingSteps.ReadList<CriterionScore>(x.ScoresJson), x.Total, x.Comment, x.ScoredAt,
                x.RecordedByName)).ToList(),
            progress.Select(x => new VentureProgressView(x.Id, x.On, x.Text, x.AttachmentId, x.RecordedByName, x.CreatedAt)).ToList(), a.Version);
    }

    private static async Task<Dictionary<Guid, string>> TownNamesAsync(GuanjiaDb db, List<VentureRound> rounds, CancellationToken ct)
    {
        var ids = rounds.Select(x => x.TownId).Distinct().ToList();
        return await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private static VentureRoundView View(VentureRound x, Dictionary<Guid, string> towns, List<VentureApplication> apps, List<VentureApplicationView> list) =>
        new(x.Id, x.TownId, towns.GetValueOrDefault(x.TownId, ""), x.Year, x.Title, x.Description, x.BudgetFen, x.CapFen, x.ApplyFrom, x.ApplyTo,
            PurchasingSteps.ReadList<VentureCriterion>(x.CriteriaJson), PurchasingSteps.ReadList<string>(x.PanelJson), x.State, VentureTerms.Zh(x.State),
            x.OpenedAt, x.DecidedAt, x.DecisionNote, apps.Sum(a => a.GrantedFen ?? 0), apps.Count,
            apps.Count(a => a.State is VentureApplicationState.Funded or VentureApplicationState.Completed), list, x.Version);
}

public sealed record VentureDeadlineView(Guid Id, Guid TownId, string TownName, int Year, DateTimeOffset DueAt, DateTimeOffset WarnAt, DeadlineStatus Status,
    DateTimeOffset? MetAt, string? LateReason);

/// <summary>
/// R-PS-02 (004 四(六)2: 每个街镇开发区至少组织开展一届微公益创投活动): one deadline row per street (town, zone) and Beijing year, for
/// jurisdictions running the purchase programme; due at the year's last second, warned from 1 October (ADR 0035), met when a round of
/// that year is opened.
/// </summary>
public static class VentureDeadlines
{
    public const string SubjectType = "VentureYear";

    /// <summary>Our reading (ADR 0035): the street is warned a quarter before the year ends — a call, a window and a review take that long.</summary>
    public static DateTimeOffset WarnAt(int year) => ChinaTime.StartOfDay(new DateOnly(year, 10, 1));

    /// <summary>The street's row of the year, started now if missing.</summary>
    public static async Task<Deadline> EnsureAsync(GuanjiaDb db, PurchasingServices s, Domain.Organizations.Organization town, int year, CancellationToken ct)
    {
        var start = ChinaTime.StartOfDay(new DateOnly(year, 1, 1));
        var existing = db.Deadlines.Local.FirstOrDefault(d => d.SubjectId == town.Id && d.Obligation == Obligations.VentureRoundYearly && d.StartsAt == start)
            ?? await db.Deadlines.IgnoreQueryFilters()
                .FirstOrDefaultAsync(d => d.SubjectId == town.Id && d.Obligation == Obligations.VentureRoundYearly && d.StartsAt == start, ct);
        return existing ?? s.Deadlines.StartAt(db, Obligations.VentureRoundYearly, new DeadlineBook.Subject(SubjectType, town.Id, $"{town.Name}{year}年微公益创投",
            town.Path), town.Id, start, ChinaTime.EndOfDay(new DateOnly(year, 12, 31)), WarnAt(year));
    }

    /// <summary>The period job's pass: the current year's row of every street of every jurisdiction running Purchasing; returns how many it added.</summary>
    public static async Task<int> OpenYearAsync(GuanjiaDb db, PurchasingServices s, CancellationToken ct)
    {
        var year = PurchasingSteps.Today(s.Clock).Year;
        var roots = await db.JurisdictionRules.IgnoreQueryFilters().AsNoTracking().Select(r => r.JurisdictionPath).Distinct().ToListAsync(ct);
        var added = 0;
        foreach (var root in roots)
        {
            var (_, rules) = await s.Rules.RequireAsync(db, root, ct);
            if (!rules.Runs(Domain.Jurisdictions.ProgrammeCode.Purchasing)) continue;
            var towns = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Path.StartsWith(root) && o.IsActive
                && (o.Kind == Domain.Organizations.OrganizationKind.Town || o.Kind == Domain.Organizations.OrganizationKind.Street
                    || o.Kind == Domain.Organizations.OrganizationKind.Park)).ToListAsync(ct);
            foreach (var t in towns)
            {
                var before = db.ChangeTracker.Entries<Deadline>().Count(e => e.State == EntityState.Added);
                await EnsureAsync(db, s, t, year, ct);
                added += db.ChangeTracker.Entries<Deadline>().Count(e => e.State == EntityState.Added) - before;
            }
        }
        await db.Audit("OpenVentureYear").SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return added;
    }

    public static async Task<IReadOnlyList<VentureDeadlineView>> ListAsync(GuanjiaDb db, PurchasingServices s, int? year, CancellationToken ct)
    {
        var q = db.Deadlines.AsNoTracking().Where(d => d.Obligation == Obligations.VentureRoundYearly);
        if (year is { } y)
        {
            var start = ChinaTime.StartOfDay(new DateOnly(y, 1, 1));
            q = q.Where(d => d.StartsAt == start);
        }
        var rows = await q.OrderByDescending(d => d.StartsAt).ThenBy(d => d.SubjectRef).Take(500).ToListAsync(ct);
        var ids = rows.Select(d => d.SubjectId).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var now = s.Clock.GetUtcNow();
        return rows.Select(d => new VentureDeadlineView(d.Id, d.SubjectId, names.GetValueOrDefault(d.SubjectId, ""), ChinaTime.LocalDate(d.StartsAt).Year, d.DueAt,
            d.WarnAt, d.StatusAt(now), d.MetAt, d.LateReason)).ToList();
    }
}

/// <summary>Opens the current year's R-PS-02 rows once per year and process (the background loop calls it every interval).</summary>
public sealed class VentureYearJob(PurchasingServices services)
{
    private int _doneFor;

    public async Task<int> RunOnceAsync(GuanjiaDb db, CancellationToken ct)
    {
        var year = PurchasingSteps.Today(services.Clock).Year;
        if (Volatile.Read(ref _doneFor) == year) return 0;
        var n = await VentureDeadlines.OpenYearAsync(db, services, ct);
        Volatile.Write(ref _doneFor, year);
        return n;
    }
}

/// <summary>A photo or file of a funded project, through the one upload service (R-PL-05); a progress entry may then point to it.</summary>
public static class UploadVentureFile
{
    public static async Task<MicroProjects.AttachmentView> HandleAsync(GuanjiaDb db, TimeProvider clock, Attachments.AttachmentLimits limits, Guid applicationId,
        Attachments.UploadAttachment.Request r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var a = await db.VentureApplications.AsNoTracking().SingleOrDefaultAsync(x => x.Id == applicationId, ct)
            ?? throw new NotFound("VentureApplication", "申报项目不存在或不在您的管辖范围内", "The application does not exist or is outside your scope");
        var stored = await Attachments.UploadAttachment.StoreAsync(db, clock, limits, nameof(VentureApplication), a.Id, a.ScopePath, r, ct);
        return MicroProjects.ProjectQueries.ToView(stored);
    }
}
