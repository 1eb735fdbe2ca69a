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
        var step = AppealWorkflow.Get("RecordCommitteeDecision");
        var appeal = await AppealSteps.LoadForAsync(db, id, step, r.Version, ct);
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
        if (r.Outcome == CommitteeOutcome.MicroWish)
            MicroWishes.WishSteps.CheckKind(new Check(), r.WishKind, r.TargetGroup, r.AssistanceType, r.ServiceType)
                .MaxLength("beneficiaryName", r.BeneficiaryName, 50, "受助人姓名", "Beneficiary name")
                .When(r.BeneficiaryIdNumber is { Length: > 0 } idn && !System.Text.RegularExpressions.Regex.IsMatch(idn, @"^\d{17}[\dXx]$"),
                    "beneficiaryIdNumber", "invalid", "身份证号码格式不正确", "The ID number is not valid")
                .MaxLength("household", r.Household, 500, "家庭情况", "Household")
                .When(r.RequestedFen is < 0, "requestedFen", "out_of_range", "金额不能为负", "requestedFen cannot be negative")
                .ThrowIfFailed();
        await s.Deadlines.MeetAsync(db, appeal.Id, step.Meets, r.LateReason, ct, r.MeetingAt);
        var village = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == appeal.VillageId, ct);
        appeal.DecidedAt = r.MeetingAt;
        appeal.Outcome = r.Outcome;
        appeal.DecisionNote = r.Note?.Trim();
        Guid? projectId = null, wishId = null;
        switch (r.Outcome!.Value)
        {
            case CommitteeOutcome.MicroProject:
                projectId = await StartProjectAsync(db, s, appeal, r, ct);
                break;
            case CommitteeOutcome.MicroWish:
                wishId = await StartWishAsync(db, s, appeal, r, ct);
                break;
            case CommitteeOutcome.PolicyReferral:
                appeal.State = AppealState.ReferredToPolicy;
                appeal.PolicyDepartment = r.PolicyDepartment!.Trim();
                appeal.PolicyContact = r.PolicyContact!.Trim();
                PolicyCatalogue.PolicyReferrals.Add(db, appeal, "Appeal", appeal.Id, appeal.TrackingNumber, r.PolicyId, appeal.PolicyDepartment,
                    appeal.PolicyContact, s.Clock.GetUtcNow());
                await s.Feedback.AddAsync(db, appeal, FeedbackKind.CommitteePolicyReferral, new Dictionary<string, string?>
                {
                    ["village"] = village.Name, ["department"] = appeal.PolicyDepartment, ["contact"] = appeal.PolicyContact,
                }, ct);
                break;
            default:
                appeal.State = AppealState.NotAccepted;
                await s.Feedback.AddAsync(db, appeal, FeedbackKind.NotAccepted, new Dictionary<string, string?>
                {
                    ["village"] = village.Name, ["reason"] = appeal.DecisionNote,
                }, ct);
                break;
        }
        await db.Audit("RecordCommitteeDecision", r.Note).SaveChangesAsync(ct);
        return new Result(await AppealQueries.GetAsync(db, s.Clock, id, ct), projectId, wishId);
    }

    /// <summary>An individual's need goes to the town, which verifies it with the departments (R-MW-02).</summary>
    private static async Task<Guid> StartWishAsync(GuanjiaDb db, AppealServices s, Appeal appeal, Request r, CancellationToken ct)
    {
        var rules = await s.Rules.GetAsync(db, appeal.RulesVersion, ct);
        var now = s.Clock.GetUtcNow();
        var prefix = $"MW{Domain.Calendar.ChinaTime.LocalDate(now).Year}-";
        var next = await Common.Numbering.NextAsync(db, prefix, c => db.MicroWishes.IgnoreQueryFilters().CountAsync(w => w.Number.StartsWith(prefix), c), ct);
        var wish = new Domain.MicroWishes.MicroWish
        {
            Id = Guid.CreateVersion7(), Number = $"{prefix}{next:D6}", AppealId = appeal.Id, VillageId = appeal.VillageId, TownId = appeal.TownId,
            ScopePath = appeal.ScopePath, RulesVersion = appeal.RulesVersion, State = Domain.MicroWishes.WishState.AwaitingVerification,
            Kind = r.WishKind!.Value, TargetGroup = r.WishKind == Domain.MicroWishes.WishKind.SpecialGroupAid ? r.TargetGroup : null,
            AssistanceType = r.WishKind == Domain.MicroWishes.WishKind.SpecialGroupAid ? r.AssistanceType : null,
            ServiceType = r.WishKind == Domain.MicroWishes.WishKind.InclusiveService ? r.ServiceType : null,
            Need = string.IsNullOrWhiteSpace(r.ProjectName) ? appeal.Title : r.ProjectName.Trim(), RequestedFen = r.RequestedFen,
            BeneficiaryName = r.BeneficiaryName?.Trim(), BeneficiaryIdNumber = r.BeneficiaryIdNumber?.Trim().ToUpperInvariant(),
            Household = r.Household?.Trim(), CreatedAt = now, CreatedMonth = CreateAppeal.MonthOf(now),
        };
        db.MicroWishes.Add(wish);
        appeal.State = AppealState.BecameWish;
        appeal.MicroWishId = wish.Id;
        await s.Deadlines.StartAsync(db, rules, Obligations.WishVerification, MicroWishes.WishSteps.Subject(wish), appeal.TownId, now, rules.WishVerification, ct);
        return wish.Id;
    }

    private static async Task<Guid> StartProjectAsync(GuanjiaDb db, AppealServices s, Appeal appeal, Request r, CancellationToken ct)
    {
        var rules = await s.Rules.GetAsync(db, appeal.RulesVersion, ct);
        var now = s.Clock.GetUtcNow();
        var year = Domain.Calendar.ChinaTime.LocalDate(now).Year;
        // Numbered by the year the project is made in: a concentrated item made now may belong to next
        // year's plan (Year), so counting by Year would hand out a number already taken.
        var prefix = $"MS{year}-";
        var next = await Common.Numbering.NextAsync(db, prefix, c => db.MicroProjects.IgnoreQueryFilters().CountAsync(p => p.Number.StartsWith(prefix), c), ct);
        var project = new MicroProject
        {
            Id = Guid.CreateVersion7(), Number = $"{prefix}{next:D6}", AppealId = appeal.Id, VillageId = appeal.VillageId,
            TownId = appeal.TownId, ScopePath = appeal.ScopePath, RulesVersion = appeal.RulesVersion, State = ProjectState.AwaitingConsultation,
            Collection = appeal.Collection, Year = appeal.CollectionYear ?? year,
            Name = string.IsNullOrWhiteSpace(r.ProjectName) ? appeal.Title : r.ProjectName.Trim(), Category = r.Category ?? appeal.Category,
            CommitteeDecidedAt = r.MeetingAt, CreatedAt = now, CreatedMonth = CreateAppeal.MonthOf(now),
        };
        db.MicroProjects.Add(project);
        appeal.State = AppealState.BecameProject;
        appeal.MicroProjectId = project.Id;
        await s.Deadlines.StartAsync(db, rules, Obligations.Consultation,
            new DeadlineBook.Subject("MicroProject", project.Id, project.Number, project.ScopePath), appeal.VillageId, r.MeetingAt!.Value,
            rules.Consultation, ct);
        return project.Id;
    }
}
