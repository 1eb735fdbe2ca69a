using System.Net;
using Guanjia.Web.Tests.Infrastructure;
using static Guanjia.Web.Tests.Appeals.AppealKit;

namespace Guanjia.Web.Tests.Appeals;

/// <summary>The village's first two steps on an appeal: receipt within 24 hours, the two-committee meeting within 5 days.</summary>
[Collection(ApiCollection.Name)]
public class AcknowledgeAndCommitteeTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // R-MS-02 / R-PL-06: the receipt goes back the way the 12345 order came, addressed to the work order.
    [Theory, BothDatabases]
    public async Task R_MS_02_acknowledging_a_12345_order_sends_the_receipt_back_to_12345(Db db)
    {
        var f = await Flow.StartAsync(db);
        var number = Http.Unique("WO");
        var order = await f.HotlineOrderAsync(workOrder: number);
        var id = order.Str("id");
        Assert.Empty(Messages(order));
        var due = Deadline(order, "Acknowledge");
        Assert.Equal(Time(order, "receivedAt").AddHours(24), Time(due, "dueAt"));
        Assert.Equal("R-MS-02", due.Str("ruleId"));

        var acked = await f.AcknowledgeAsync(id);

        Assert.Equal("Acknowledged", acked.Str("state"));
        Assert.NotNull(acked.GetProperty("acknowledgedAt").GetString());
        var receipt = Assert.Single(Messages(acked));
        Assert.Equal("Receipt", receipt.Str("kind"));
        Assert.Equal("Hotline12345", receipt.Str("channel"));
        Assert.Equal("Pending", receipt.Str("state"));
        Assert.Contains(order.Str("trackingNumber"), receipt.Str("body"), StringComparison.Ordinal);
        Assert.Contains(order.Str("villageName"), receipt.Str("body"), StringComparison.Ordinal);
        Assert.Equal(number, await RecipientOfAsync(f, Guid.Parse(receipt.Str("id"))));
        var met = Deadline(acked, "Acknowledge");
        Assert.Equal("Met", met.Str("status"));
        Assert.Equal("Open", Deadline(acked, "CommitteeMeeting").Str("status"));
    }

    // R-MS-02 / R-PL-06: an appeal entered by staff gets its receipt by text message to the appellant's phone.
    [Theory, BothDatabases]
    public async Task R_MS_02_acknowledging_a_staff_entered_appeal_sends_the_receipt_by_sms(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var a = await f.StaffAppealAsync(phone: phone);
        var acked = await f.AcknowledgeAsync(a.Str("id"));

        var receipt = Message(acked, "Receipt");
        Assert.Equal("Sms", receipt.Str("channel"));
        Assert.Equal(phone, await RecipientOfAsync(f, Guid.Parse(receipt.Str("id"))));
    }

    // R-MS-02 / R-PL-06: a 12345 call that town staff typed in has no work order to answer; the receipt still reaches the phone.
    [Theory, BothDatabases]
    public async Task R_MS_02_a_staff_entered_12345_call_without_a_work_order_gets_its_receipt_by_sms(Db db)
    {
        var f = await Flow.StartAsync(db);
        var phone = Flow.Phone();
        var a = await f.Town.PostJson("/api/appeals", Appeal(f, Http.Unique("热线来电"), "Hotline12345", phone: phone), HttpStatusCode.Created);
        Assert.Equal("Hotline12345", a.Str("channel"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, a.GetProperty("externalRef").ValueKind);

        var receipt = Message(await f.AcknowledgeAsync(a.Str("id")), "Receipt");
        Assert.Equal("Sms", receipt.Str("channel"));
        Assert.Equal(phone, await RecipientOfAsync(f, Guid.Parse(receipt.Str("id"))));
    }

    // R-MS-02: 24 hours are hours; the National Day holiday does not pause them.
    [Theory, BothDatabases]
    public async Task R_MS_02_the_24_hours_run_on_through_a_public_holiday(Db db)
    {
        var f = await Flow.StartAsync(db);
        var saved = f.Now;
        try
        {
            await f.SetClockAsync(new DateTimeOffset(2026, 9, 30, 20, 0, 0, China));
            var a = await f.StaffAppealAsync();
            var due = Time(Deadline(a, "Acknowledge"), "dueAt");
            Assert.Equal(new DateTimeOffset(2026, 10, 1, 20, 0, 0, China), due);

            // On the holiday itself, 23 hours later, it is still on time.
            await f.SetClockAsync(new DateTimeOffset(2026, 10, 1, 19, 0, 0, China));
            var acked = await f.AcknowledgeAsync(a.Str("id"));
            Assert.Equal("Met", Deadline(acked, "Acknowledge").Str("status"));
        }
        finally
        {
            await f.SetClockAsync(saved);
        }
    }

    // R-MS-02: after 24 hours the acknowledgement needs a reason; without one nothing changes.
    [Theory, BothDatabases]
    public async Task R_MS_02_a_late_acknowledgement_needs_a_reason_which_is_kept(Db db)
    {
        var f = await Flow.StartAsync(db);
        var a = await f.StaffAppealAsync();
        var id = a.Str("id");
        await f.AdvanceAsync(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var before = await f.Village.GetJson($"/api/appeals/{id}");
        Assert.Equal("Overdue", Deadline(before, "Acknowledge").Str("status"));

        var problem = await (await Post(f.Village, $"/api/appeals/{id}/acknowledge", new { note = "已接收" })).Json(HttpStatusCode.BadRequest);
        problem.ShouldNameField("lateReason", "late_reason_required");
        await AssertUnchangedAsync(f, before);
        Assert.Equal("Overdue", Deadline(await f.Village.GetJson($"/api/appeals/{id}"), "Acknowledge").Str("status"));

        const string reason = "工作人员外出培训，返岗后即时处理";
        var acked = await f.Village.PostJson($"/api/appeals/{id}/acknowledge", new { note = "已接收", lateReason = reason }, HttpStatusCode.OK);
        Assert.Equal("Acknowledged", acked.Str("state"));
        var d = Deadline(acked, "Acknowledge");
        Assert.Equal("MetLate", d.Str("status"));
        Assert.Equal(reason, d.Str("lateReason"));
        Assert.Equal("Receipt", Assert.Single(Messages(acked)).Str("kind"));
    }

    // R-MS-03: five calendar days from receipt, to the end of the local day; National Day counts like any other day.
    [Theory, BothDatabases]
    public async Task R_MS_03_the_committee_meeting_is_due_at_the_end_of_the_fifth_calendar_day(Db db)
    {
        var f = await Flow.StartAsync(db);
        var saved = f.Now;
        try
        {
            await f.SetClockAsync(new DateTimeOffset(2026, 9, 30, 20, 0, 0, China));
            var a = await f.StaffAppealAsync();
            var d = Deadline(a, "CommitteeMeeting");
            Assert.Equal("R-MS-03", d.Str("ruleId"));
            Assert.Equal(new DateTimeOffset(2026, 10, 5, 23, 59, 59, China), Time(d, "dueAt"));

            // A meeting on the last day, a holiday, is on time.
            await f.SetClockAsync(new DateTimeOffset(2026, 10, 5, 15, 0, 0, China));
            await f.AcknowledgeAsync(a.Str("id"), new { note = "已接收", lateReason = "国庆假期值班人员不足" });
            var decided = await f.Village.PostJson($"/api/appeals/{a.Str("id")}/committee-decision", new
            {
                meetingAt = f.Now, outcome = "NotAccepted", note = "属于物业管理范围，请联系物业公司",
            }, HttpStatusCode.OK);
            Assert.Equal("Met", Deadline(decided.GetProperty("appeal"), "CommitteeMeeting").Str("status"));
        }
        finally
        {
            await f.SetClockAsync(saved);
        }
    }

    // R-IN-05 / R-MS-03: what current policy resolves goes to the responsible department, named with a contact.
    [Theory, BothDatabases]
    public async Task R_IN_05_a_policy_referral_names_the_department_and_tells_the_appellant(Db db)
    {
        var f = await Flow.StartAsync(db);
        var a = await f.StaffAppealAsync();
        var id = a.Str("id");
        await f.AcknowledgeAsync(id);
        var before = await f.Village.GetJson($"/api/appeals/{id}");

        var missing = await (await Post(f.Village, $"/api/appeals/{id}/committee-decision",
            new { meetingAt = f.Now, outcome = "PolicyReferral", note = "可由现行政策解决" })).Json(HttpStatusCode.BadRequest);
        missing.ShouldNameField("policyDepartment", "required");
        missing.ShouldNameField("policyContact", "required");
        await AssertUnchangedAsync(f, before);
        Assert.Equal("Open", Deadline(await f.Village.GetJson($"/api/appeals/{id}"), "CommitteeMeeting").Str("status"));

        const string dept = "东城街道城市管理和综合执法局";
        const string contact = "0769-22112233";
        var res = await f.Village.PostJson($"/api/appeals/{id}/committee-decision", new
        {
            meetingAt = f.Now, outcome = "PolicyReferral", note = "属市政设施维护范围", policyDepartment = dept, policyContact = contact,
        }, HttpStatusCode.OK);

        var appeal = res.GetProperty("appeal");
        Assert.Equal("ReferredToPolicy", appeal.Str("state"));
        Assert.Equal("PolicyReferral", appeal.Str("outcome"));
        Assert.Equal(dept, appeal.Str("policyDepartment"));
        Assert.Equal(contact, appeal.Str("policyContact"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, res.GetProperty("projectId").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, appeal.GetProperty("microProjectId").ValueKind);
        var m = Message(appeal, "CommitteePolicyReferral");
        Assert.Contains(dept, m.Str("body"), StringComparison.Ordinal);
        Assert.Contains(contact, m.Str("body"), StringComparison.Ordinal);
        Assert.Equal("Met", Deadline(appeal, "CommitteeMeeting").Str("status"));
        Assert.Empty(appeal.GetProperty("allowedActions").EnumerateArray());
    }

    // R-MS-03: an item that is not for the programme is closed with a reason, and the reason reaches the appellant.
    [Theory, BothDatabases]
    public async Task R_MS_03_not_accepted_needs_a_reason_that_is_sent_to_the_appellant(Db db)
    {
        var f = await Flow.StartAsync(db);
        var a = await f.StaffAppealAsync();
        var id = a.Str("id");
        await f.AcknowledgeAsync(id);
        var before = await f.Village.GetJson($"/api/appeals/{id}");

        var noReason = await (await Post(f.Village, $"/api/appeals/{id}/committee-decision",
            new { meetingAt = f.Now, outcome = "NotAccepted" })).Json(HttpStatusCode.BadRequest);
        noReason.ShouldNameField("note", "required");
        var future = await (await Post(f.Village, $"/api/appeals/{id}/committee-decision",
            new { meetingAt = f.Now.AddHours(2), outcome = "NotAccepted", note = "x" })).Json(HttpStatusCode.BadRequest);
        future.ShouldNameField("meetingAt", "in_future");
        await AssertUnchangedAsync(f, before);

        const string reason = "属于个人家庭事务，不属于公共服务范围";
        var res = await f.Village.PostJson($"/api/appeals/{id}/committee-decision",
            new { meetingAt = f.Now, outcome = "NotAccepted", note = reason }, HttpStatusCode.OK);
        var appeal = res.GetProperty("appeal");
        Assert.Equal("NotAccepted", appeal.Str("state"));
        Assert.Equal(reason, appeal.Str("decisionNote"));
        Assert.Contains(reason, Message(appeal, "NotAccepted").Str("body"), StringComparison.Ordinal);
        Assert.Equal(["Receipt", "NotAccepted"], Messages(appeal).Select(m => m.Str("kind")).ToList());
    }

    // R-MS-02 / R-PL-03: acknowledging is the village's step; the town lead and a read-only deputy may not take it.
    [Theory, BothDatabases]
    public async Task R_MS_02_only_the_village_acknowledges(Db db)
    {
        var f = await Flow.StartAsync(db);
        var a = await f.StaffAppealAsync();
        var id = a.Str("id");

        var byTown = await (await Post(f.Town, $"/api/appeals/{id}/acknowledge", new { note = "镇代为接收" })).Json(HttpStatusCode.Forbidden);
        Assert.Equal(403, byTown.GetProperty("status").GetInt32());
        var deputy = await f.Host.SignIn("dongcheng.deputy");
        await (await Post(deputy, $"/api/appeals/{id}/acknowledge", new { note = "代为接收" })).Json(HttpStatusCode.Forbidden);
        // A village of another town does not even see it.
        var changanVillage = await f.Host.SignIn("changan.village");
        await (await Post(changanVillage, $"/api/appeals/{id}/acknowledge", new { note = "接收" })).Json(HttpStatusCode.NotFound);
        await AssertUnchangedAsync(f, a);
        Assert.Equal("Open", Deadline(await f.Village.GetJson($"/api/appeals/{id}"), "Acknowledge").Str("status"));
    }

    // R-MS-02: the receipt goes once; a second acknowledgement is a conflict and sends nothing.
    [Theory, BothDatabases]
    public async Task R_MS_02_acknowledging_twice_is_a_conflict(Db db)
    {
        var f = await Flow.StartAsync(db);
        var a = await f.StaffAppealAsync();
        var acked = await f.AcknowledgeAsync(a.Str("id"));

        var again = await (await Post(f.Village, $"/api/appeals/{a.Str("id")}/acknowledge", new { note = "再次接收" })).Json(HttpStatusCode.Conflict);
        Assert.Equal(409, again.GetProperty("status").GetInt32());
        await AssertUnchangedAsync(f, acked);
        Assert.Single(Messages(await f.Village.GetJson($"/api/appeals/{a.Str("id")}")));
    }

    // R-MS-02 / R-MS-03: a step taken on a stale copy of the appeal is refused.
    [Theory, BothDatabases]
    public async Task R_MS_02_a_stale_version_is_a_conflict(Db db)
    {
        var f = await Flow.StartAsync(db);
        var a = await f.StaffAppealAsync();
        var id = a.Str("id");
        var v0 = Version(a);

        var wrong = await (await Post(f.Village, $"/api/appeals/{id}/acknowledge", new { note = "已接收", version = v0 + 1 })).Json(HttpStatusCode.Conflict);
        Assert.Equal(409, wrong.GetProperty("status").GetInt32());
        await AssertUnchangedAsync(f, a);

        var acked = await f.Village.PostJson($"/api/appeals/{id}/acknowledge", new { note = "已接收", version = v0 }, HttpStatusCode.OK);
        Assert.NotEqual(v0, Version(acked));
        // The committee decision made on the copy read before the acknowledgement.
        await (await Post(f.Village, $"/api/appeals/{id}/committee-decision",
            new { meetingAt = f.Now, outcome = "NotAccepted", note = "不属于服务范围", version = v0 })).Json(HttpStatusCode.Conflict);
        await AssertUnchangedAsync(f, acked);
    }

    // R-MS-02: two people acknowledge at once: one wins, the other is told, and one receipt goes out.
    [Theory, BothDatabases]
    public async Task R_MS_02_two_concurrent_acknowledgements_make_one_receipt(Db db)
    {
        var f = await Flow.StartAsync(db);
        var a = await f.StaffAppealAsync();
        var id = a.Str("id");
        var other = await f.Host.SignIn("dongcheng.village");

        var responses = await Task.WhenAll(
            Post(f.Village, $"/api/appeals/{id}/acknowledge", new { note = "甲接收" }),
            Post(other, $"/api/appeals/{id}/acknowledge", new { note = "乙接收" }));

        var codes = responses.Select(r => r.StatusCode).OrderBy(c => c).ToArray();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], codes);
        var now = await f.Village.GetJson($"/api/appeals/{id}");
        Assert.Equal("Acknowledged", now.Str("state"));
        Assert.Equal("Receipt", Assert.Single(Messages(now)).Str("kind"));
        Assert.Equal("Met", Deadline(now, "Acknowledge").Str("status"));
    }
}
