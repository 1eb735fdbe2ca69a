using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Jurisdictions;
using Guanjia.Domain.Purchasing;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Purchasing;

/// <summary>
/// The bureau signs the purchase agreement with the package's winner (004 七.1): term, amount in fen charged to the year's budget
/// (R-PS-08), instalments tied to acceptance that add up to the amount, performance indicators, the inspection plan and the
/// penalty clauses (R-PS-06), under rules still in force (R-PS-07). Signing lays out the reports the contract owes, each a row
/// with its deadline (R-CA-12, R-PS-05).
/// </summary>
public static class SignContract
{
    public sealed record Instalment(string? Name, long? AmountFen, InstalmentMilestone? Milestone, string? PlannedOn);

    public sealed record Request(Guid? PackageId, string? AgreementNumber, string? SignedOn, string? TermStart, string? TermEnd, long? AmountFen, int? BudgetYear,
        IReadOnlyList<Instalment>? Instalments, IReadOnlyList<PerformanceIndicator>? Indicators, IReadOnlyList<PlannedInspection>? InspectionPlan,
        IReadOnlyList<PenaltyClause>? PenaltyClauses);

    public static async Task<ContractView> HandleAsync(GuanjiaDb db, PurchasingServices s, Request r, CancellationToken ct)
    {
        PurchasingSteps.RequireManage(db);
        var (root, bureau) = await PurchasingSteps.BureauAsync(db, ct);
        var (rulesVersion, rules) = await s.Rules.RequireAsync(db, root.Path, ct);
        var today = PurchasingSteps.Today(s.Clock);
        var package = r.PackageId is { } pid ? await db.ServicePackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, ct) : null;
        var tender = package is null ? null : await db.TenderRecords.AsNoTracking().SingleOrDefaultAsync(t => t.PackageId == package.Id, ct);
        var c = new Check()
            .When(package is null, "packageId", "unknown_package", "服务包不存在或不在您的管辖范围内", "The package does not exist or is outside your scope")
            .When(package is not null && tender is null, "packageId", "not_tendered", "服务包尚未登记招标结果，不能签订合同（R-PS-08）",
                "The package has no tender result yet (R-PS-08)")
            .MaxLength("agreementNumber", r.AgreementNumber, 100, "协议编号", "Agreement number");
        var signedOn = PurchasingSteps.Date(c, "signedOn", r.SignedOn, "签订日期", "signedOn");
        var start = PurchasingSteps.Date(c, "termStart", r.TermStart, "服务期起始日", "termStart");
        var end = PurchasingSteps.Date(c, "termEnd", r.TermEnd, "服务期截止日", "termEnd");
        c.When(signedOn is { } so && so > today, "signedOn", "in_future", "签订日期不能晚于今天", "signedOn cannot be in the future")
            .When(start is not null && end is not null && end < start, "termEnd", "before_start", "服务期截止日不能早于起始日（R-PS-07）",
                "The term ends before it starts (R-PS-07)")
            .When(start is not null && end is not null && end > start.Value.AddYears(3).AddDays(-1), "termEnd", "too_long", "合同服务期最长3年（R-PS-07）",
                "A contract's term is at most 3 years (R-PS-07)");
        if (package is not null && start is not null && end is not null)
            c.When(start < package.PeriodStart || end > package.PeriodEnd, "termStart", "outside_package_period",
                $"服务期须在服务包的服务期（{package.PeriodStart:yyyy-MM-dd}至{package.PeriodEnd:yyyy-MM-dd}）之内（R-PS-03）",
                "The term must lie within the package's period (R-PS-03)");
        // R-PS-07: rules that have lapsed (or not yet begun) sign nothing.
        if (rules.Validity is { } v && signedOn is { } sd)
            c.When(sd < v.ValidFrom || sd > v.LastDay, "signedOn", "rules_not_in_force",
                $"签订日期不在实施办法有效期（{v.ValidFrom:yyyy-MM-dd}至{v.LastDay:yyyy-MM-dd}）内，请先修订或延续实施办法（R-PS-07）",
                $"The rules are in force from {v.ValidFrom:yyyy-MM-dd} to {v.LastDay:yyyy-MM-dd}; renew them first (R-PS-07)");
        c.When(r.AmountFen is null or <= 0, "amountFen", "out_of_range", "合同金额须大于0（单位：分）", "amountFen must be more than 0 (fen)")
            .When(tender is not null && r.AmountFen is { } a0 && a0 != tender.AmountFen, "amountFen", "not_the_tender_amount",
                $"合同金额应与中标金额{PurchasingSteps.Yuan(tender?.AmountFen ?? 0)}一致", $"The amount must be the tender's {tender?.AmountFen} fen");

        CheckInstalments(c, r.Instalments, r.AmountFen);
        CheckTerms(c, r.Indicators, r.InspectionPlan, r.PenaltyClauses);

        // R-PS-08: charged to the bureau's budget line of the year.
        var year = r.BudgetYear ?? start?.Year;
        if (year is { } y && r.AmountFen is { } amount and > 0)
        {
            var line = await db.BudgetLines.AsNoTracking().SingleOrDefaultAsync(b => b.BureauId == bureau.Id && b.Year == y, ct);
            var committed = await SetBudgetLine.CommittedAsync(db, bureau.Id, y, ct);
            c.When(line is null, "budgetYear", "no_budget", $"{y}年度尚未登记民政局年初预算，购买服务经费须从年初预算安排（R-PS-08）",
                    $"There is no budget line for {y}: purchase money comes from the bureau's budget set at the start of the year (R-PS-08)")
                .When(line is not null && committed + amount > line.AmountFen, "amountFen", "exceeds_budget",
                    $"{y}年度年初预算{PurchasingSteps.Yuan(line?.AmountFen ?? 0)}，已签订{PurchasingSteps.Yuan(committed)}，本合同{PurchasingSteps.Yuan(amount)}超出预算（R-PS-08）",
                    $"The {y} budget of {line?.AmountFen} fen has {committed} fen signed; {amount} fen more exceeds it (R-PS-08)");
        }
        else c.When(year is null, "budgetYear", "required", "请填写预算年度", "budgetYear is required");
        if (package is not null && await db.ServiceContracts.IgnoreQueryFilters().AnyAsync(x => x.PackageId == package.Id, ct))
            throw new Conflict("该服务包已签订合同", "The package already has its contract");
        c.ThrowIfFailed();

        var contractor = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == tender!.WinnerId, ct);
        var now = s.Clock.GetUtcNow();
        var prefix = $"GM{today.Year}-";
        var n = await Common.Numbering.NextAsync(db, prefix, x => db.ServiceContracts.IgnoreQueryFilters().CountAsync(k => k.Number.StartsWith(prefix), x), ct);
        var contract = new ServiceContract
        {
            Id = Guid.CreateVersion7(), Number = $"{prefix}{n:D4}", AgreementNumber = string.IsNullOrWhiteSpace(r.AgreementNumber) ? null : r.AgreementNumber.Trim(),
            PackageId = package!.Id, TenderId = tender!.Id, ContractorId = contractor.Id, BureauId = bureau.Id, ScopePath = contractor.Path, BudgetYear = year!.Value,
            SignedOn = signedOn!.Value, TermStart = start!.Value, TermEnd = end!.Value, AmountFen = r.AmountFen!.Value,
            IndicatorsJson = PurchasingSteps.Write(r.Indicators!.Select(x => x with { Name = x.Name!.Trim() }).ToList()),
            InspectionPlanJson = PurchasingSteps.Write(r.InspectionPlan!.ToList()),
            PenaltyClausesJson = PurchasingSteps.Write((r.PenaltyClauses ?? []).Select(x => x with { Code = x.Code!.Trim() }).ToList()),
            RulesVersion = rulesVersion, CreatedAt = now,
        };
        db.ServiceContracts.Add(contract);
        await s.Workflow.FireAsync(db, PurchasingWorkflows.Contract, contract, "Sign", null, s.Workflow.At(), ct);
        var seq = 0;
        foreach (var i in r.Instalments!)
        {
            var instalment = new ContractInstalment
            {
                Id = Guid.CreateVersion7(), ContractId = contract.Id, ScopePath = contract.ScopePath, Seq = ++seq, Name = i.Name!.Trim(), AmountFen = i.AmountFen!.Value,
                Milestone = i.Milestone!.Value, PlannedOn = DateOnly.TryParseExact(i.PlannedOn, "yyyy-MM-dd", out var d) ? d : null,
            };
            db.ContractInstalments.Add(instalment);
            await s.Workflow.FireAsync(db, PurchasingWorkflows.Instalment, instalment, "Plan", null, s.Workflow.At(), ct);
        }
        await ScheduleReportsAsync(db, s, contract, rules.Purchasing, ct);
        await db.Audit("SignServiceContract").SaveChangesAsync(ct);
        return await PurchasingQueries.ContractAsync(db, s.Clock, contract.Id, ct);
    }

    /// <summary>The monthly briefs, the mid-term and the final report, each a row with its deadline owed by the contractor (R-CA-12).</summary>
    private static async Task ScheduleReportsAsync(GuanjiaDb db, PurchasingServices s, ServiceContract contract, PurchasingRules rules, CancellationToken ct)
    {
        var calendar = await s.Calendars.GetAsync(db, contract.ScopePath, ct);
        foreach (var due in ReportSchedule.For(contract.TermStart, contract.TermEnd, rules, calendar))
        {
            var report = new ContractReport
            {
                Id = Guid.CreateVersion7(), ContractId = contract.Id, ScopePath = contract.ScopePath, Kind = due.Kind, Period = due.Period, DueAt = due.Due,
                CreatedAt = s.Clock.GetUtcNow(),
            };
            db.ContractReports.Add(report);
            await s.Workflow.FireAsync(db, PurchasingWorkflows.Report, report, "Schedule", null, s.Workflow.At(), ct);
            var obligation = due.Kind switch
            {
                ReportKind.MonthlyBrief => Obligations.MonthlyBrief,
                ReportKind.MidTermReport => Obligations.MidTermReport,
                _ => Obligations.FinalReport,
            };
            s.Deadlines.StartAt(db, obligation, ReportSubject(contract, report), contract.ContractorId, due.Opens, due.Due, ReportSchedule.WarnAt(due, rules));
        }
    }

    public static DeadlineBook.Subject ReportSubject(ServiceContract contract, ContractReport report)
    {
        var name = $"{contract.Number}·{ReportName(report)}";
        return new(nameof(ContractReport), report.Id, name.Length > 100 ? name[..99] + "…" : name, contract.ScopePath);
    }

    public static string ReportName(ContractReport r) => r.Kind switch
    {
        ReportKind.MonthlyBrief => $"{r.Period}{PurchasingTerms.Zh(r.Kind)}",
        ReportKind.MajorEvent => $"{PurchasingTerms.Zh(r.Kind)}：{r.Title}",
        _ => PurchasingTerms.Zh(r.Kind),
    };

    /// <summary>
    /// R-PS-08, R-PS-06: the instalments add up to the amount, each waits for an acceptance, and the last waits for the final
    /// acceptance (the evaluation), so no contract is paid in full before it is evaluated.
    /// </summary>
    private static void CheckInstalments(Check c, IReadOnlyList<Instalment>? list, long? amount)
    {
        if (list is null || list.Count == 0)
        {
            c.Add("instalments", "required", "请列出按验收分期支付的安排（R-PS-06）", "List the instalments and the acceptance each waits for (R-PS-06)");
            return;
        }
        c.When(list.Count > 24, "instalments", "too_many", "最多分24期支付", "At most 24 instalments");
        for (var i = 0; i < list.Count; i++)
        {
            var x = list[i];
            c.Required($"instalments[{i}].name", x.Name, "期次名称", "Name").MaxLength($"instalments[{i}].name", x.Name, 50, "期次名称", "Name")
                .When(x.AmountFen is null or <= 0, $"instalments[{i}].amountFen", "out_of_range", "每期金额须大于0（单位：分）", "amountFen must be more than 0 (fen)")
                .When(x.Milestone is null || !Enum.IsDefined(x.Milestone.Value), $"instalments[{i}].milestone", "required",
                    "请选择该期款项对应的验收节点（签订后、中期验收后、末期验收后）", "milestone must be OnSigning, MidTermAcceptance or FinalAcceptance")
                .When(!string.IsNullOrWhiteSpace(x.PlannedOn) && !DateOnly.TryParseExact(x.PlannedOn, "yyyy-MM-dd", out _), $"instalments[{i}].plannedOn",
                    "invalid_date", "计划支付日期格式应为 yyyy-MM-dd", "plannedOn must be a date as yyyy-MM-dd");
            if (i > 0 && x.Milestone is { } m && list[i - 1].Milestone is { } before && m < before)
                c.Add($"instalments[{i}].milestone", "out_of_order", "分期须按验收先后排列", "Instalments follow the order of their acceptances");
        }
        if (list.All(x => x.AmountFen is > 0) && amount is > 0)
        {
            var sum = list.Sum(x => x.AmountFen!.Value);
            c.When(sum != amount, "instalments", "sum_mismatch",
                $"各期金额合计{PurchasingSteps.Yuan(sum)}，与合同金额{PurchasingSteps.Yuan(amount.Value)}不一致（R-PS-08）",
                $"The instalments add up to {sum} fen, not the contract's {amount} fen (R-PS-08)");
        }
        c.When(list[^1].Milestone is { } last && last != InstalmentMilestone.FinalAcceptance, $"instalments[{list.Count - 1}].milestone", "final_not_last",
            "最后一期款项须在末期验收（第三方评估）后支付（R-PS-06）", "The last instalment waits for the final acceptance (R-PS-06)");
    }

    /// <summary>R-PS-06: performance indicators and an inspection plan per contract; penalty clauses with distinct numbers.</summary>
    private static void CheckTerms(Check c, IReadOnlyList<PerformanceIndicator>? indicators, IReadOnlyList<PlannedInspection>? plan, IReadOnlyList<PenaltyClause>? clauses)
    {
        c.When(indicators is null || indicators.Count == 0, "indicators", "required", "请列出绩效评估指标（R-PS-06）", "List the performance indicators (R-PS-06)")
            .When(indicators is { Count: > 50 }, "indicators", "too_many", "绩效指标最多50项", "At most 50 indicators");
        for (var i = 0; i < (indicators?.Count ?? 0); i++)
        {
            var x = indicators![i];
            c.Required($"indicators[{i}].name", x.Name, "指标名称", "Indicator").MaxLength($"indicators[{i}].name", x.Name, 100, "指标名称", "Indicator")
                .When(x.Category is null || !Enum.IsDefined(x.Category.Value), $"indicators[{i}].category", "required", "请选择指标类别", "category is required")
                .MaxLength($"indicators[{i}].target", x.Target, 200, "目标值", "Target");
        }
        c.When(plan is null || plan.Count == 0, "inspectionPlan", "required", "请列出检查方案（R-PS-06）", "List the inspection plan (R-PS-06)")
            .When(plan is { Count: > 50 }, "inspectionPlan", "too_many", "检查计划最多50项", "At most 50 planned inspections");
        for (var i = 0; i < (plan?.Count ?? 0); i++)
        {
            var x = plan![i];
            c.When(x.Body is null || !Enum.IsDefined(x.Body.Value), $"inspectionPlan[{i}].body", "required", "请选择检查部门（民政、财政、审计）（R-PS-05）",
                    "body must be CivilAffairs, Finance or Audit (R-PS-05)")
                .Required($"inspectionPlan[{i}].subject", x.Subject, "检查内容", "Subject").MaxLength($"inspectionPlan[{i}].subject", x.Subject, 200, "检查内容", "Subject");
        }
        for (var i = 0; i < (clauses?.Count ?? 0); i++)
        {
            var x = clauses![i];
            c.Required($"penaltyClauses[{i}].code", x.Code, "条款编号", "Clause").MaxLength($"penaltyClauses[{i}].code", x.Code, 20, "条款编号", "Clause")
                .Required($"penaltyClauses[{i}].description", x.Description, "违约情形", "Description")
                .MaxLength($"penaltyClauses[{i}].description", x.Description, 500, "违约情形", "Description")
                .When(x.MaxFen is < 0, $"penaltyClauses[{i}].maxFen", "out_of_range", "违约金上限不能为负", "maxFen cannot be negative")
                .When(clauses.Count(o => o.Code?.Trim() == x.Code?.Trim()) > 1, $"penaltyClauses[{i}].code", "duplicate", "条款编号重复", "The clause number is repeated");
        }
    }
}
