using Guanjia.App.Persistence;
using Guanjia.Domain.Attachments;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;

namespace Guanjia.App.MicroProjects;

/// <summary>
/// The community consultation with the registration form's fields and its uploaded minutes (R-MS-04,
/// R-MS-05). A failed one may be held again after a feasibility study, or put to the villagers'
/// (representatives') assembly; the project stays open meanwhile (R-MS-06).
/// </summary>
public static class RecordConsultation
{
    public sealed record Request(
        DateTimeOffset? HeldAt, string? Place, string? Host, string? Recorder, ConsultationForm? Form, string? FormOther,
        IReadOnlyList<ParticipantType>? ParticipantTypes, int? HeadCount, bool? Passed, string? Content, string? Beneficiaries,
        Route? Route, long? BudgetFen, IReadOnlyList<FundingSource>? FundingSources, string? ImplementingBody, string? ImplementationPeriod,
        string? FailureNote, string? FeasibilityStudy, Guid? MinutesAttachmentId, string? LateReason, int? Version,
        ExpressForm? ExpressForm = null, string? PairedUnit = null, string? DirectRouteReason = null);

    public static async Task<ProjectDetail> HandleAsync(GuanjiaDb db, ProjectServices s, Guid id, ConsultationKind kind, Request r, CancellationToken ct)
    {
        var action = kind == ConsultationKind.AssemblyVote ? "RecordAssemblyVote" : "RecordConsultation";
        var p = await ProjectSteps.LoadForAsync(db, id, action, r.Version, ct);
        var now = s.Clock.GetUtcNow();
        var passed = r.Passed == true;
        var rules = await s.Rules.GetAsync(db, p.RulesVersion, ct);
        var c = new Check()
            .When(r.HeldAt is null, "heldAt", "required", "请填写协商时间", "heldAt is required")
            .When(r.HeldAt > now, "heldAt", "in_future", "协商时间不能晚于现在", "heldAt cannot be in the future")
            .When(r.HeldAt < p.CommitteeDecidedAt, "heldAt", "before_committee", "协商时间不能早于“两委”联席会议", "heldAt cannot be before the committee meeting")
            .Required("place", r.Place, "协商地点", "Place").MaxLength("place", r.Place, 100, "协商地点", "Place")
            .Required("host", r.Host, "主持人", "Host").MaxLength("host", r.Host, 50, "主持人", "Host")
            .Required("recorder", r.Recorder, "记录人", "Recorder").MaxLength("recorder", r.Recorder, 50, "记录人", "Recorder")
            .When(r.Form is null || !Enum.IsDefined(r.Form.Value), "form", "required", "请选择协商形式", "form is required")
            .When(r.Form == ConsultationForm.Other && string.IsNullOrWhiteSpace(r.FormOther), "formOther", "required", "请填写其他协商形式", "formOther is required when form is Other")
            .MaxLength("formOther", r.FormOther, 50, "其他协商形式", "Other form")
            .When(r.ParticipantTypes is null || r.ParticipantTypes.Count == 0, "participantTypes", "required", "请选择参与主体", "participantTypes is required")
            .When(r.ParticipantTypes?.Any(t => !Enum.IsDefined(t)) == true, "participantTypes", "invalid", "参与主体无效", "a participant type is not valid")
            .When(r.HeadCount is null or < 1 or > 100_000, "headCount", "out_of_range", "参与人数须为正整数", "headCount must be a positive number")
            .When(r.Passed is null, "passed", "required", "请选择协商是否通过", "passed is required")
            .When(r.MinutesAttachmentId is null, "minutesAttachmentId", "required", "请上传协商记录", "The minutes (minutesAttachmentId) are required")
            .When(p.State == ProjectState.ConsultationFailed && kind == ConsultationKind.Consultation && string.IsNullOrWhiteSpace(r.FeasibilityStudy),
                "feasibilityStudy", "required", "再次协商前须作可行性研究分析", "A feasibility study is required before consulting again")
            .MaxLength("feasibilityStudy", r.FeasibilityStudy, 2000, "可行性研究", "Feasibility study");
        if (passed)
            c.Required("content", r.Content, "项目建设（服务）内容", "Content").MaxLength("content", r.Content, 2000, "项目内容", "Content")
                .Required("beneficiaries", r.Beneficiaries, "项目惠及人群", "Beneficiaries").MaxLength("beneficiaries", r.Beneficiaries, 200, "惠及人群", "Beneficiaries")
                .When(r.Route is null || !Enum.IsDefined(r.Route.Value), "route", "required", "请选择办理方式", "route is required")
                .When(r.BudgetFen is null or <= 0, "budgetFen", "out_of_range", "项目经费预算须大于0（单位：分）", "budgetFen must be a positive amount in fen")
                .When(r.FundingSources is null || r.FundingSources.Count == 0 || r.FundingSources.Any(f => !Enum.IsDefined(f)),
                    "fundingSources", "required", "请选择项目经费来源", "fundingSources is required")
                .Required("implementingBody", r.ImplementingBody, "实施主体", "Implementing body").MaxLength("implementingBody", r.ImplementingBody, 100, "实施主体", "Implementing body")
                .Required("implementationPeriod", r.ImplementationPeriod, "实施时限", "Implementation period")
                .MaxLength("implementationPeriod", r.ImplementationPeriod, 100, "实施时限", "Implementation period")
                // R-RT-02: the direct route is for "涉及金额较大" items; the documents set no floor, so the programme's threshold is a
                // hint: below it the village says why the item still needs society's help.
                .When(r.Route == Route.Direct && r.BudgetFen is > 0 && r.BudgetFen < rules.DirectRouteHintFen && string.IsNullOrWhiteSpace(r.DirectRouteReason),
                    "directRouteReason", "direct_below_hint",
                    $"莞家直达适用于金额较大、需社会力量参与的项目；本项目预算低于{rules.DirectRouteHintFen / 1_000_000m:0.##}万元，如确需社会力量认领，请说明理由",
                    $"The direct route is for larger items; below {rules.DirectRouteHintFen / 100m:0.##} CNY give the reason (directRouteReason)")
                .MaxLength("directRouteReason", r.DirectRouteReason, 500, "说明", "Reason")
                // R-RT-05: the station route serves public-welfare services; a convenience work is built, not served.
                .When(r.Route == Route.Station && p.Category == ProjectCategory.ConvenienceWorks, "route", "station_services_only",
                    "莞家驿站承接公益服务类项目，便民工程项目请选择莞家速递或莞家直达", "The station route serves public-welfare service items (R-RT-05)")
                .ExpressForm(r.Route, r.ExpressForm, r.PairedUnit);
        else
            c.Required("failureNote", r.FailureNote, "未通过的原因", "Why it did not pass").MaxLength("failureNote", r.FailureNote, 1000, "未通过原因", "Failure note");
        c.ThrowIfFailed();
        await ProjectSteps.RequireAttachmentsAsync(db, p, "minutesAttachmentId", [r.MinutesAttachmentId!.Value], AttachmentKind.Minutes, ct);

        var consultation = new Consultation
        {
            Id = Guid.CreateVersion7(), ProjectId = p.Id, ScopePath = p.ScopePath, Kind = kind, HeldAt = r.HeldAt!.Value,
            Place = r.Place!.Trim(), Host = r.Host!.Trim(), Recorder = r.Recorder!.Trim(), Form = r.Form!.Value, FormOther = r.FormOther?.Trim(),
            ParticipantTypes = string.Join(',', r.ParticipantTypes!.Distinct()), HeadCount = r.HeadCount!.Value, Passed = passed,
            Content = r.Content?.Trim(), Beneficiaries = r.Beneficiaries?.Trim(), Route = r.Route, BudgetFen = r.BudgetFen,
            FundingSources = r.FundingSources is null ? null : string.Join(',', r.FundingSources.Distinct()), ImplementingBody = r.ImplementingBody?.Trim(),
            ImplementationPeriod = r.ImplementationPeriod?.Trim(), FailureNote = r.FailureNote?.Trim(), FeasibilityStudy = r.FeasibilityStudy?.Trim(),
            MinutesAttachmentId = r.MinutesAttachmentId!.Value, RecordedAt = now, RecordedById = db.Actor.Id,
        };
        db.Consultations.Add(consultation);
        if (passed)
        {
            p.ConsultationId = consultation.Id;
            p.ConsultedAt = consultation.HeldAt;
            p.Content = consultation.Content;
            p.Beneficiaries = consultation.Beneficiaries;
            p.Route = consultation.Route;
            p.BudgetFen = consultation.BudgetFen;
            p.FundingSources = consultation.FundingSources;
            p.ImplementingBody = consultation.ImplementingBody;
            p.ImplementationPeriod = consultation.ImplementationPeriod;
            // R-RT-01: an express project is implemented directly unless the village chose a grant or a pairing.
            p.ExpressForm = p.Route == Route.Express ? r.ExpressForm ?? ExpressForm.DirectImplementation : null;
            p.PairedUnit = p.ExpressForm == ExpressForm.Pairing ? r.PairedUnit!.Trim() : null;
            p.DirectRouteReason = p.Route == Route.Direct && p.BudgetFen < rules.DirectRouteHintFen ? r.DirectRouteReason!.Trim() : null;
        }
        // Met or late by when it is recorded, whatever date the meeting is given (issue 12, backdating).
        await ProjectSteps.FireAsync(db, s, p, action, passed ? "Passed" : "Failed",
            s.Workflow.At(r.HeldAt, r.LateReason, passed ? null : r.FailureNote), ct);
        await db.SaveChangesAsync(ct);
        return await ProjectQueries.GetAsync(db, s, id, ct);
    }
}
