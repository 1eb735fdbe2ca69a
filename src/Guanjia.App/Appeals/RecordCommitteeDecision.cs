using Guanjia.App.Deadlines;
using Guanjia.App.Persistence;
using Guanjia.Domain.Appeals;
using Guanjia.Domain.Common;
using Guanjia.Domain.Deadlines;
using Guanjia.Domain.Feedback;
using Guanjia.Domain.MicroProjects;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Appeals;

/// <summary>
/// The two-committee joint meeting within 5 days of receipt (R-MS-03): a micro-project (the consultation
/// is then due within 10 days, R-MS-04), a referral to current policy (R-IN-05), or not a programme item.
/// </summary>
public static class RecordCommitteeDecision
{
    public sealed record Request(
        DateTimeOffset? MeetingAt, CommitteeOutcome? Outcome, bool? IncludeInPlan, string? Note, string? PolicyDepartment,
        string? PolicyContact, string? ProjectName, ProjectCategory? Category, string? LateReason, int? Version, Guid? PolicyId = null,
        Domain.MicroWishes.WishKind? WishKind = null, Domain.MicroWishes.TargetGroup? TargetGroup = null,
        Domain.MicroWishes.AssistanceType? AssistanceType = null, Domain.MicroWishes.InclusiveServiceType? ServiceType = null,
        string? BeneficiaryName = null, string? BeneficiaryIdNumber = null, string? Household = null, long? RequestedFen = null);

    public sealed record Result(AppealDetail Appeal, Guid? ProjectId, Guid? WishId = null);

    public static async Task<Result> HandleAsync(GuanjiaDb db, AppealServices s, Guid id, Request r, CancellationToken ct)
    {
        var appeal = await AppealSteps.LoadForAsync(db, id, "RecordCommitteeDecision", r.Version, ct);
        // Naming a policy of the catalogue fills in its department and contact (R-IN-05).
        if (r.Outcome == CommitteeOutcome.PolicyReferral && r.PolicyId is not null)
        {
            var (_, dept, contact) = await PolicyCatalogue.PolicyReferrals.ResolveAsync(db, r.PolicyId, r.PolicyDepartment, r.PolicyContact, ct);
            r = r with { PolicyDepartment = dept, PolicyContact = contact };
        }
        var now = s.Clock.GetUtcNow();
        new Check()
            .When(r.MeetingAt is null, "meetingAt", "required", "请填写会议时间", "meetingAt is required")
            .When(r.MeetingAt > now, "meetingAt", "in_future", "会议时间不能晚于现在", "meetingAt cannot be in the future")
            .When(r.MeetingAt < appeal.ReceivedAt, "meetingAt", "before_receipt", "会议时间不能早于诉求接收时间", "meetingAt cannot be before the appeal was received")
            .When(r.Outcome is null || !Enum.IsDefined(r.Outcome.Value), "outcome", "required", "请选择会议初步确认的办理方式", "outcome is required")
            .When(r.Outcome == CommitteeOutcome.PolicyReferral && string.IsNullOrWhiteSpace(r.PolicyDepartment), "policyDepartment", "required",
                "转现行政策办理须填写跟办部门", "policyDepartment is required for a policy referral")
            .When(r.Outcome == CommitteeOutcome.PolicyReferral && string.IsNullOrWhiteSpace(r.PolicyContact), "policyContact", "required",
                "转现行政策办理须填写联系方式", "policyContact is required for a policy referral")
            .When(r.Outcome == CommitteeOutcome.NotAccepted && string.IsNullOrWhiteSpace(r.Note), "note", "required",
                "不予受理须说明原因，原因将反馈给诉求人", "note (the reason sent to the appellant) is required")
            .When(r.Category is { } c && !Enum.IsDefined(c), "category", "invalid", "项目类别无效", "category is not valid")
            .MaxLength("note", r.Note, 1000, "会议意见", "Note")
            .MaxLength("policyDepartment", r.PolicyDepartment, 100, "跟办部门", "Department")
            .MaxLength("policyContact", r.PolicyContact, 100, "联系方式", "Contact")
            .MaxLength("projectName", r.ProjectName, 100, "项目名称", "Project name")
            .ThrowIfFailed();
        var wish = new MicroWishes.CreateWish.Details(r.WishKind, r.TargetGroup, r.AssistanceType, r.ServiceType, r.ProjectName, r.BeneficiaryName,
            r.BeneficiaryIdNumber, r.Household, r.RequestedFen);
        if (r.Outcome == CommitteeOutcome.MicroWish)
            MicroWishes.CreateWish.CheckDetails(new Check(), wish).ThrowIfFailed();
        var village = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == appeal.VillageId, ct);
        appeal.DecidedAt = r.MeetingAt;
        appeal.Outcome = r.Outcome;
        appeal.DecisionNote = r.Note?.Trim();
        Guid? projectId = null, wishId = null;
        var values = new Dictionary<string, string?> { ["village"] = village.Name, ["reason"] = appeal.DecisionNote };
        switch (r.Outcome!.Value)
        {
            case CommitteeOutcome.MicroProject:
                projectId = await StartProjectAsync(db, s, appeal, r, ct);
                break;
            case CommitteeOutcome.MicroWish:
                wishId = (await MicroWishes.CreateWish.ForAppealAsync(db, s, appeal, wish, ct)).Id;
                break;
            case CommitteeOutcome.PolicyReferral:
                appeal.PolicyDepartment = r.PolicyDepartment!.Trim();
                appeal.PolicyContact = r.PolicyContact!.Trim();
                values["department"] = appeal.PolicyDepartment;
                values["contact"] = appeal.PolicyContact;
                await PolicyCatalogue.PolicyReferrals.AddAsync(db, s.Workflow, appeal, "Appeal", appeal.Id, appeal.TrackingNumber, r.PolicyId,
                    appeal.PolicyDepartment, appeal.PolicyContact, s.Clock.GetUtcNow(), ct);
                break;
        }
        // The meeting is late or on time by when it is recorded, whatever date it is given (issue 12, backdating).
        await s.Workflow.FireAsync(db, AppealWorkflow.Workflow, appeal, "RecordCommitteeDecision", r.Outcome.Value.ToString(),
            s.Workflow.At(r.MeetingAt, r.LateReason, r.Note, values), ct);
        await db.Audit("RecordCommitteeDecision", r.Note).SaveChangesAsync(ct);
        return new Result(await AppealQueries.GetAsync(db, s.Clock, id, ct), projectId, wishId);
    }

    private static async Task<Guid> StartProjectAsync(GuanjiaDb db, AppealServices s, Appeal appeal, Request r, CancellationToken ct)
    {
        var now = s.Clock.GetUtcNow();
        var year = Domain.Calendar.ChinaTime.LocalDate(now).Year;
        // Numbered by the year the project is made in: a concentrated item made now may belong to next
        // year's plan (Year), so counting by Year would hand out a number already taken.
        var prefix = $"MS{year}-";
        var next = await Common.Numbering.NextAsync(db, prefix, c => db.MicroProjects.IgnoreQueryFilters().CountAsync(p => p.Number.StartsWith(prefix), c), ct);
        var project = new MicroProject
        {
            Id = Guid.CreateVersion7(), Number = $"{prefix}{next:D6}", AppealId = appeal.Id, VillageId = appeal.VillageId,
            TownId = appeal.TownId, ScopePath = appeal.ScopePath, RulesVersion = appeal.RulesVersion,
            Collection = appeal.Collection, Year = appeal.CollectionYear ?? year,
            Name = string.IsNullOrWhiteSpace(r.ProjectName) ? appeal.Title : r.ProjectName.Trim(), Category = r.Category ?? appeal.Category,
            CommitteeDecidedAt = r.MeetingAt, CreatedAt = now, CreatedMonth = CreateAppeal.MonthOf(now),
        };
        db.MicroProjects.Add(project);
        appeal.MicroProjectId = project.Id;
        // The consultation is due 10 days after the committee met (R-MS-04).
        await s.Workflow.FireAsync(db, ProjectWorkflow.Workflow, project, "Create", null, s.Workflow.At(r.MeetingAt), ct);
        return project.Id;
    }
}
