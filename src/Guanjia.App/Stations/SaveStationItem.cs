using Guanjia.App.Persistence;
using Guanjia.App.Programme;
using Guanjia.Domain.Calendar;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.Stations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Stations;

/// <summary>
/// A public-welfare item handled through the station, with the operating mode its consultation chose
/// (R-ST-03): free service costs nothing extra; a purchased service names its candidate contractors and a fee;
/// a packaged operation names its amount, years, operator and team size and is for villages with more than 50
/// items a year (in principle: below that only with a recorded reason). Where the host platform already has an
/// operator, the item goes to it, invited to the consultation, unless a reason is recorded (R-ST-04). The item
/// uses forms of service its station offers (R-ST-06).
/// </summary>
public static class SaveStationItem
{
    public sealed record Request(string? Title, string? Content, int? Year, DateOnly? ConsultedOn, DecisionBody? DecidedBy, OperatingMode? Mode,
        IReadOnlyList<ServiceForm>? ServiceForms, IReadOnlyList<LinkedResource>? LinkedResources, Guid? MicroProjectId,
        IReadOnlyList<string>? CandidateContractors, bool? OperatorInvited, Guid? OperatorId, string? OperatorOverrideReason, long? AmountFen,
        int? Years, int? TeamSize, string? PackagedOverrideReason, int? Version, string? Reason);

    public static async Task<ItemView> CreateAsync(GuanjiaDb db, TimeProvider clock, ProgrammeRulesProvider rules, Guid stationId, Request r,
        CancellationToken ct)
    {
        var station = await StationSteps.StationAsync(db, stationId, ct, tracking: false);
        StationSteps.RequireManage(db);
        if (!station.IsActive) throw new Conflict("驿站已停止运行，不能新增服务项目", "The station is inactive; it takes no new items");
        var (version, set) = await rules.CurrentAsync(db, clock, station.ScopePath, ct);
        var now = clock.GetUtcNow();
        var item = new StationItem
        {
            Id = Guid.CreateVersion7(), StationId = station.Id, VillageId = station.VillageId, TownId = station.TownId, ScopePath = station.ScopePath,
            Title = "", ServiceForms = "", RulesVersion = version, CreatedAt = now,
        };
        await ValidateAndApplyAsync(db, clock, set, station, item, r, ct);
        db.StationItems.Add(item);
        await db.Audit("RegisterStationItem", Reasons(item)).SaveChangesAsync(ct);
        return await StationQueries.GetItemAsync(db, item.Id, ct);
    }

    public static async Task<ItemView> UpdateAsync(GuanjiaDb db, TimeProvider clock, ProgrammeRulesProvider rules, Guid id, Request r, CancellationToken ct)
    {
        var item = await StationSteps.ItemAsync(db, id, ct);
        StationSteps.RequireManage(db);
        var filing = await db.ProcurementFilings.AsNoTracking().SingleOrDefaultAsync(f => f.ItemId == id, ct);
        if (filing is { State: not ProcurementState.Draft })
            throw new Conflict("采购备案表已报镇（街道）备案，服务项目不能再修改", "The procurement filing is with the town; the item can no longer change");
        StationSteps.RequireEditOf(r.Version, item.Version);
        var station = await StationSteps.StationAsync(db, item.StationId, ct, tracking: false);
        new Check().MaxLength("reason", r.Reason, 500, "修改原因", "Reason")
            .When(filing is not null && r.Mode == OperatingMode.Free, "mode", "has_procurement_filing",
                "已填写采购备案表的项目不能改为无偿提供服务", "An item with a procurement filing cannot become free service")
            .ThrowIfFailed();
        await ValidateAndApplyAsync(db, clock, await rules.GetAsync(db, item.RulesVersion, ct), station, item, r, ct);
        await db.Audit("UpdateStationItem", r.Reason ?? Reasons(item)).SaveChangesAsync(ct);
        return await StationQueries.GetItemAsync(db, item.Id, ct);
    }

    private static string? Reasons(StationItem i) =>
        string.Join("；", new[] { i.OperatorOverrideReason, i.PackagedOverrideReason }.Where(x => x is not null)) is { Length: > 0 } s ? s : null;

    private static async Task ValidateAndApplyAsync(GuanjiaDb db, TimeProvider clock, Domain.Programme.ProgrammeRuleSet rules, Station station,
        StationItem item, Request r, CancellationToken ct)
    {
        var today = ChinaTime.LocalDate(clock.GetUtcNow());
        var mode = r.Mode;
        var forms = r.ServiceForms ?? [];
        var offered = StationTerms.Split<ServiceForm>(station.ServiceForms);
        var candidates = (r.CandidateContractors ?? []).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).Distinct().ToList();
        var c = new Check()
            .Required("title", r.Title, "服务项目名称", "Title").MaxLength("title", r.Title, 100, "服务项目名称", "Title")
            .MaxLength("content", r.Content, 2000, "服务内容", "Content")
            .When(r.Year is null or < 2020 or > 2100, "year", "out_of_range", "请填写服务年度", "year is required (2020–2100)")
            .When(r.ConsultedOn is null, "consultedOn", "required", "请填写确定运作模式的协商日期", "consultedOn is required")
            .When(r.ConsultedOn > today, "consultedOn", "in_future", "协商日期不能晚于今天", "consultedOn cannot be in the future")
            .When(r.DecidedBy is { } d && !Enum.IsDefined(d), "decidedBy", "invalid", "决定方式无效", "Unknown decidedBy")
            .When(mode is null || !Enum.IsDefined(mode.Value), "mode", "required", "请选择驿站运作模式（无偿服务、购买服务、整体打包）",
                "mode is required: Free, Purchased or Packaged (R-ST-03)")
            .When(forms.Count == 0, "serviceForms", "required", "请选择服务方式", "serviceForms is required (R-ST-06)")
            .When(!StationSteps.AllDefined(forms), "serviceForms", "invalid", "服务方式无效", "Unknown service form")
            .When(forms.Count > 0 && StationSteps.AllDefined(forms) && forms.Any(f => !offered.Contains(f)), "serviceForms", "not_offered",
                $"驿站未提供该服务方式；本驿站提供：{string.Join("、", offered.Select(StationTerms.Zh))}",
                $"The station does not offer that form; it offers {string.Join(", ", offered)}")
            .When(forms.Contains(ServiceForm.ResourceLinking) && (r.LinkedResources is null || r.LinkedResources.Count == 0), "linkedResources", "required",
                "链接社会资源的，请选择资源方式（资金资助、物资捐赠、场地共享）", "Linking social resources needs the kinds of resource (R-ST-06)")
            .When(!StationSteps.AllDefined(r.LinkedResources), "linkedResources", "invalid", "资源方式无效", "Unknown resource kind")
            .When(candidates.Count > 10, "candidateContractors", "too_many", "承接服务方建议名单最多10个", "At most 10 candidate contractors")
            .When(candidates.Any(x => x.Length > 100), "candidateContractors", "too_long", "承接服务方名称不能超过100个字符", "A name is at most 100 characters")
            .MaxLength("operatorOverrideReason", r.OperatorOverrideReason, 500, "不由原运营方承接的理由", "Operator override reason")
            .MaxLength("packagedOverrideReason", r.PackagedOverrideReason, 500, "整体打包理由", "Packaged override reason")
            .When(r.AmountFen is < 0, "amountFen", "out_of_range", "金额须为不小于0的整数（单位：分）", "amountFen must be a non-negative amount in fen");

        // The micro-project the item serves: this village's, via the station, a public-welfare service (R-RT-05).
        MicroProject? project = null;
        if (r.MicroProjectId is { } pid)
        {
            project = await db.MicroProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, ct);
            c.When(project is null || project.VillageId != station.VillageId, "microProjectId", "unknown_project",
                    "民生微实事项目不存在或不属于本村（社区）", "The micro-project does not exist or is not this village's")
                .When(project?.Route is { } route && route != Route.Station, "microProjectId", "not_station_route",
                    "该项目协商确定的办理方式不是莞家驿站", "The project's consultation chose another route than the station")
                .When(project?.Category == ProjectCategory.ConvenienceWorks, "microProjectId", "not_welfare_service",
                    "莞家驿站办理公益服务类项目，便民工程不通过驿站办理", "Stations handle public-welfare services, not convenience works");
            if (project is not null && await db.StationItems.AnyAsync(i => i.MicroProjectId == pid && i.Id != item.Id, ct))
                c.Add("microProjectId", "already_linked", "该项目已登记为驿站服务项目", "The project is already a station item");
        }

        var hostOperator = station.OperatorId;
        var pays = mode is OperatingMode.Purchased or OperatingMode.Packaged;
        var chosen = pays ? r.OperatorId ?? (mode == OperatingMode.Purchased ? hostOperator : null) : null;
        var toHost = hostOperator is not null && chosen == hostOperator;
        var elsewhere = hostOperator is not null && chosen is not null && chosen != hostOperator;
        var hasOverride = !string.IsNullOrWhiteSpace(r.OperatorOverrideReason);
        if (chosen is not null && chosen != hostOperator && await StationSteps.OperatorAsync(db, chosen, ct) is null)
            c.Add("operatorId", "not_an_operator", "承接方须为在册的社会组织（承接机构或社工服务点）",
                "The operator must be a registered contractor or social-work service point");
        var operatorName = hostOperator is null ? null
            : await db.Organizations.AsNoTracking().Where(o => o.Id == hostOperator).Select(o => o.Name).SingleOrDefaultAsync(ct);
        switch (mode)
        {
            case OperatingMode.Free:
                c.When(r.AmountFen is > 0, "amountFen", "free_has_no_cost",
                    "无偿提供服务的项目利用现有资源，服务费用从原经费渠道解决，不产生额外费用",
                    "Free service uses existing resources and costs nothing extra (R-ST-03)");
                break;
            case OperatingMode.Purchased:
                c.When(r.AmountFen is null or 0, "amountFen", "required", "请填写购买服务费用（单位：分）", "amountFen is required for a purchased service");
                break;
            case OperatingMode.Packaged:
                c.When(r.AmountFen is null or 0, "amountFen", "required", "请填写整体购买服务金额（单位：分）", "amountFen is required for packaged operation")
                    .When(r.Years is null or < 1 or > 10, "years", "out_of_range", "请填写购买年限（1至10年）", "years must be 1 to 10")
                    .When(r.TeamSize is null or < 1 or > 1000, "teamSize", "out_of_range", "请填写运营团队人数", "teamSize must be 1 to 1000")
                    .When(r.OperatorId is null, "operatorId", "required", "请选择承接运营方", "operatorId is required for packaged operation");
                break;
        }
        if (pays)
        {
            // R-ST-09: an item that costs money is a 微实事 by the station route: its registration form is filed and, at or above the
            // threshold, the town has confirmed it; its fee stays within the project's budget.
            var filed = project?.RegisteredAt is not null && project.State is not (ProjectState.Consulted or ProjectState.AwaitingConsultation or ProjectState.TownReview
                or ProjectState.ConsultationFailed or ProjectState.Rejected or ProjectState.PolicyReferred);
            c.When(r.MicroProjectId is null, "microProjectId", "required",
                    "购买服务、整体打包的驿站项目须按“民生微实事”流程办理：请关联已填报登记备案表的项目", "A paid station item is a micro-project: link its project (R-ST-09)")
                .When(project is not null && !filed, "microProjectId", project?.State == ProjectState.TownReview ? "awaiting_town" : "not_registered",
                    project?.State == ProjectState.TownReview ? "该项目5万元及以上，须经镇（街道）审核确认后方可实施"
                        : "该项目尚未填报登记备案表或未获确认，不能作为驿站购买服务实施",
                    "The project must be registered and, at or above the threshold, confirmed by the town (R-ST-09)")
                .When(project?.BudgetFen is not null && r.AmountFen > project.BudgetFen, "amountFen", "over_project_budget",
                    $"服务费用超过项目经费预算{project?.BudgetFen / 1_000_000m:0.####}万元", $"The fee exceeds the project's budget of {project?.BudgetFen} fen (R-ST-09)");
            // R-ST-04: no double operation. The host platform's operator takes new items, invited to the consultation.
            c.When(elsewhere && !hasOverride, "operatorId", "host_has_operator",
                    $"驿站依托的平台载体已由“{operatorName}”运营，新增服务项目原则上由原运营方承接；交由其他承接方须说明理由",
                    "The host platform already has an operator: new items go to it unless a reason is recorded (R-ST-04)")
                .When(toHost && r.OperatorInvited != true, "operatorInvited", "required",
                    "由原运营方承接的，应邀请原运营方参与协商", "The host platform's operator must be invited to the consultation (R-ST-04)")
                // R-ST-03: a purchase names its candidate contractors unless the host platform's operator takes it.
                .When(mode == OperatingMode.Purchased && !toHost && candidates.Count == 0, "candidateContractors", "required",
                    "采取购买服务方式的，应在协商时提出承接服务方建议名单", "A purchased service names its candidate contractors at consultation (R-ST-03)");
        }
        c.ThrowIfFailed();

        if (mode == OperatingMode.Packaged)
        {
            // R-ST-03: "1年超50宗" — the village's other items of the year, packaged operations aside.
            var year = r.Year!.Value;
            var count = await db.StationItems.CountAsync(i => i.VillageId == station.VillageId && i.Year == year && i.Id != item.Id
                && i.Mode != OperatingMode.Packaged, ct);
            var minimum = rules.StationPackagedItemsPerYear;
            new Check().When(count <= minimum && string.IsNullOrWhiteSpace(r.PackagedOverrideReason), "packagedOverrideReason", "below_threshold",
                $"本村（社区）{year}年驿站服务项目{count}宗，未超过{minimum}宗，原则上不采取整体打包运作；确需打包的请说明理由",
                $"The village has {count} station items in {year}, not more than {minimum}: packaged operation needs a reason (R-ST-03)").ThrowIfFailed();
            item.PackagedOverrideReason = count <= minimum ? r.PackagedOverrideReason!.Trim() : null;
        }
        else item.PackagedOverrideReason = null;

        item.Title = r.Title!.Trim();
        item.Content = string.IsNullOrWhiteSpace(r.Content) ? null : r.Content.Trim();
        item.Year = r.Year!.Value;
        item.ConsultedOn = r.ConsultedOn!.Value;
        item.DecidedBy = r.DecidedBy ?? DecisionBody.Consultation;
        item.Mode = mode!.Value;
        item.ServiceForms = StationTerms.Join(forms);
        item.LinkedResources = forms.Contains(ServiceForm.ResourceLinking) ? StationTerms.Join(r.LinkedResources!) : null;
        item.MicroProjectId = r.MicroProjectId;
        item.CandidateContractors = pays && candidates.Count > 0 ? string.Join('\n', candidates) : null;
        item.OperatorInvited = toHost && r.OperatorInvited == true;
        item.OperatorId = chosen;
        item.OperatorOverrideReason = elsewhere ? r.OperatorOverrideReason!.Trim() : null;
        item.AmountFen = pays ? r.AmountFen : null;
        item.Years = mode == OperatingMode.Packaged ? r.Years : null;
        item.TeamSize = mode == OperatingMode.Packaged ? r.TeamSize : null;
        item.UpdatedAt = clock.GetUtcNow();
    }
}
