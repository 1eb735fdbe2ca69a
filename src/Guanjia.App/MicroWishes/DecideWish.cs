using Guanjia.App.Persistence;
using Guanjia.Domain.Common;
using Guanjia.Domain.MicroProjects;
using Guanjia.Domain.MicroWishes;

namespace Guanjia.App.MicroWishes;

/// <summary>
/// An expert review or a joint meeting organised by the town sets the route, the amount and the form of
/// assistance, and records who took part (R-MW-03). By express the wish is handled within 5 working
/// days (R-MW-04); by the direct route or a station it goes on there.
/// </summary>
public static class DecideWish
{
    public sealed record Request(string? DecisionBody, IReadOnlyList<string>? Participants, Route? Route, long? AmountFen, ExpressForm? ExpressForm,
        string? AssistanceForm, DateTimeOffset? DecidedAt, int? Version, string? PairedUnit = null);

    private static readonly string[] Bodies = ["ExpertReview", "JointMeeting"];

    public static async Task<WishDetail> HandleAsync(GuanjiaDb db, Appeals.AppealServices s, Guid id, Request r, CancellationToken ct)
    {
        var w = await WishSteps.LoadForAsync(db, id, "Decide", r.Version, ct);
        var now = s.Clock.GetUtcNow();
        var people = r.Participants?.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct().ToList() ?? [];
        new Check()
            .When(r.DecisionBody is null || !Bodies.Contains(r.DecisionBody), "decisionBody", "required", "请选择专家评审或联席会议",
                "decisionBody must be ExpertReview or JointMeeting")
            .When(people.Count < 2, "participants", "required", "请填写参与评审（会议）的人员，至少两人", "List who took part: at least two people")
            .When(people.Any(p => p.Length > 50), "participants", "too_long", "人员姓名不能超过50个字符", "A participant's name is at most 50 characters")
            .When(r.Route is null || !Enum.IsDefined(r.Route.Value), "route", "required", "请选择办理方式", "route is required")
            .When(r.AmountFen is null or < 0 || (w.Kind == WishKind.SpecialGroupAid && r.AmountFen == 0), "amountFen", "out_of_range",
                "资助金额须为不小于0的整数（单位：分）；特殊群体帮扶须大于0", "amountFen must be a whole number of fen, above 0 for special-group aid")
            .When(r.Route == Route.Express && (r.ExpressForm is null || !Enum.IsDefined(r.ExpressForm.Value)), "expressForm", "required",
                "莞家速递须选择直接组织实施、直接资助或结对帮扶", "An express wish needs its form: DirectImplementation, DirectGrant or Pairing")
            .Required("assistanceForm", r.AssistanceForm, "资助方式", "Form of assistance").MaxLength("assistanceForm", r.AssistanceForm, 200, "资助方式", "Form of assistance")
            .ExpressForm(r.Route, r.ExpressForm, r.PairedUnit)
            .When(r.Route == Route.Station && w.Kind != WishKind.InclusiveService, "route", "station_inclusive_only",
                "莞家驿站承接普惠型服务类微心愿；特殊群体帮扶请选择莞家速递或莞家直达", "The station route serves inclusive-service wishes (R-RT-05)")
            .When(r.Route == Route.Direct && r.AmountFen is null or 0, "amountFen", "required", "莞家直达须确定认领金额", "A direct-route wish needs the amount to be claimed")
            .When(r.DecidedAt > now, "decidedAt", "in_future", "评审时间不能晚于现在", "decidedAt cannot be in the future")
            .ThrowIfFailed();
        w.DecidedAt = r.DecidedAt ?? now;
        w.DecisionBody = r.DecisionBody;
        w.Participants = string.Join('、', people);
        w.Route = r.Route;
        w.AmountFen = r.AmountFen;
        w.ExpressForm = r.Route == Route.Express ? r.ExpressForm : null;
        w.PairedUnit = w.ExpressForm == ExpressForm.Pairing ? r.PairedUnit!.Trim() : null;
        w.AssistanceForm = r.AssistanceForm!.Trim();
        if (r.Route == Route.Direct)
        {
            var appeal = await db.Appeals.FindAsync([w.AppealId], ct) ?? throw new InvalidOperationException("wish without appeal");
            await Claims.ClaimBoard.OpenForWishAsync(db, s.Workflow, w, appeal, now, ct);
        }
        // By express the 5 working days count from the decision (R-MW-04); the other routes go on at the board or the station.
        await s.Workflow.FireAsync(db, WishWorkflow.Workflow, w, "Decide", null, s.Workflow.At(w.DecidedAt, values: await WishSteps.ValuesAsync(db, w, ct)), ct);
        await db.Audit("DecideWish").SaveChangesAsync(ct);
        return await WishQueries.GetAsync(db, s.Clock, id, ct);
    }
}
