using System.Text.Json;
using Guanjia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.Auditing;

/// <summary>
/// One changed field of an audit entry as an official reads it: the field's label, how its values are to be shown and the values
/// before and after. Kind: text, time (an instant, shown in Beijing time), date, money (integer fen; Unit yuan or wan, as the
/// field is entered), bool, enum (EnumType names the enum), org (the value is the organisation's name), secret (masked).
/// </summary>
public sealed record AuditChange(string Field, string Label, string LabelEn, string Kind, string? Unit, string? EnumType,
    string? Before, string? After);

/// <summary>Turns an entry's before/after JSON into <see cref="AuditChange"/> rows (issue 17 point 5, ADR 0028).</summary>
public static class AuditChanges
{
    /// <summary>Bookkeeping no official needs to read: keys, versions, scope paths, hashes.</summary>
    private static readonly HashSet<string> Hidden =
    [
        "Id", "Version", "ScopePath", "JurisdictionPath", "RulesVersion", "SecurityStamp", "PasswordHash", "TrackingKeyHash",
        "PhoneHash", "IdNumberHash", "TokenHash", "ReceivedMonth", "CreatedMonth", "Seq",
    ];

    /// <summary>Fields whose ids name an organisation: shown by the organisation's name.</summary>
    private static readonly HashSet<string> OrgFields = ["TownId", "VillageId", "OrganizationId", "BureauId", "ParentId", "OwnerId"];

    /// <summary>Money entered and shown in 万元 (budgets, allocations, the programme's share); other fen fields are 元.</summary>
    private static bool InWan(string field) =>
        field.Contains("Budget") || field.Contains("Allocat") || field.StartsWith("Actual") || field.Contains("Cap") || field.Contains("Pool");

    private static readonly Dictionary<string, Label> Fields = new()
    {
        ["Title"] = new("标题", "Title"), ["Name"] = new("名称", "Name"), ["DisplayName"] = new("姓名", "Name"),
        ["UserName"] = new("账号", "Username"), ["Role"] = new("角色", "Role"), ["Phone"] = new("手机号码", "Mobile"),
        ["IsActive"] = new("启用", "Active"), ["FailedSignIns"] = new("连续登录失败次数", "Failed sign-ins"),
        ["LockedUntil"] = new("锁定至", "Locked until"), ["LastSignInAt"] = new("最近登录时间", "Last signed in"),
        ["CreatedAt"] = new("创建时间", "Created"), ["UpdatedAt"] = new("修改时间", "Updated"), ["State"] = new("状态", "State"),
        ["Status"] = new("状态", "Status"), ["Kind"] = new("类型", "Kind"), ["Type"] = new("类型", "Type"),
        ["TownId"] = new("镇（街道）", "Town"), ["VillageId"] = new("村（社区）", "Village"), ["OrganizationId"] = new("所属单位", "Organisation"),
        ["BureauId"] = new("职能部门", "Bureau"), ["ParentId"] = new("上级单位", "Parent"), ["OwnerId"] = new("责任单位", "Owner"),
        ["TrackingNumber"] = new("受理编号", "Tracking number"), ["Number"] = new("编号", "Number"),
        ["Channel"] = new("收集渠道", "Channel"), ["ExternalRef"] = new("外部编号", "External reference"),
        ["Collection"] = new("收集方式", "Collection"), ["CollectionYear"] = new("征集年度", "Collection year"),
        ["Description"] = new("内容描述", "Description"), ["Category"] = new("类别", "Category"), ["SubType"] = new("细类", "Sub-type"),
        ["Address"] = new("地址", "Address"), ["Location"] = new("地点", "Location"), ["AppellantName"] = new("诉求人", "Appellant"),
        ["AppellantPhone"] = new("诉求人电话", "Appellant phone"), ["ReceivedAt"] = new("接收时间", "Received"),
        ["AcknowledgedAt"] = new("接收反馈时间", "Acknowledged"), ["DecidedAt"] = new("决定时间", "Decided"),
        ["Outcome"] = new("办理结论", "Outcome"), ["DecisionNote"] = new("决定说明", "Decision note"),
        ["PolicyDepartment"] = new("政策主管部门", "Policy department"), ["PolicyContact"] = new("部门联系方式", "Department contact"),
        ["CreatedByName"] = new("登记人", "Created by"), ["CreatedById"] = new("登记人", "Created by"),
        ["Year"] = new("年度", "Year"), ["Content"] = new("内容", "Content"), ["Source"] = new("来源", "Source"),
        ["ContactName"] = new("联系人", "Contact"), ["ContactTitle"] = new("联系人职务", "Contact title"),
        ["ContactPhone"] = new("联系电话", "Contact phone"), ["Contact"] = new("联系方式", "Contact"),
        ["ConsultedAt"] = new("协商时间", "Consulted"), ["Beneficiaries"] = new("受益群体", "Beneficiaries"),
        ["Route"] = new("实施路径", "Route"), ["ExpressForm"] = new("速递形式", "Express form"), ["PairedUnit"] = new("结对单位", "Paired unit"),
        ["DirectRouteReason"] = new("直达理由", "Direct route reason"), ["BudgetFen"] = new("预算金额", "Budget"),
        ["FundingSources"] = new("资金来源", "Funding sources"), ["ImplementingBody"] = new("实施主体", "Implementing body"),
        ["ImplementationPeriod"] = new("实施周期", "Implementation period"), ["IsSmall"] = new("小额项目", "Small project"),
        ["CapOverrideReason"] = new("超限额理由", "Cap override reason"), ["CommitteeDecidedAt"] = new("“两委”决定时间", "Committee decided"),
        ["RegisteredAt"] = new("登记时间", "Registered"), ["ReviewedAt"] = new("审核时间", "Reviewed"),
        ["ReviewDecision"] = new("审核结论", "Review decision"), ["ReviewOpinion"] = new("审核意见", "Review opinion"),
        ["CheckConsultationCompliant"] = new("协商程序合规", "Consultation compliant"), ["CheckBudgetReasonable"] = new("预算合理", "Budget reasonable"),
        ["CheckRouteFeasible"] = new("实施路径可行", "Route feasible"), ["CheckResolvableByPolicy"] = new("可通过现行政策解决", "Resolvable by policy"),
        ["PolicyCheckNote"] = new("政策核查说明", "Policy check note"), ["Funding"] = new("资金安排", "Funding"),
        ["FundingPayer"] = new("出资方", "Payer"), ["PublicityFrom"] = new("公示开始", "Publicity from"), ["PublicityTo"] = new("公示结束", "Publicity to"),
        ["PublicityPlatforms"] = new("公示平台", "Publicity platforms"), ["PlatformOverrideReason"] = new("公示平台说明", "Platform override reason"),
        ["ImplementationStartedAt"] = new("开工时间", "Started"), ["CompletedAt"] = new("完成时间", "Completed"),
        ["CompletionFiledAt"] = new("完工报送时间", "Completion filed"), ["ActualProgrammeFen"] = new("实际使用专项资金", "Programme funds used"),
        ["ActualVillageFen"] = new("实际使用村（社区）资金", "Village funds used"), ["AmountFen"] = new("金额", "Amount"),
        ["PaidFen"] = new("已支付金额", "Paid"), ["LedgerPaidFen"] = new("账上已支付", "Paid per ledger"), ["Note"] = new("备注", "Note"),
        ["Notes"] = new("备注", "Notes"), ["Reason"] = new("原因", "Reason"), ["LateReason"] = new("逾期原因", "Late reason"),
        ["At"] = new("时间", "At"), ["ByName"] = new("经办人", "By"), ["RecordedByName"] = new("记录人", "Recorded by"),
        ["RecordedAt"] = new("记录时间", "Recorded"), ["Text"] = new("文字", "Text"), ["Body"] = new("正文", "Body"),
        ["Summary"] = new("摘要", "Summary"), ["Result"] = new("结果", "Result"), ["Effect"] = new("成效", "Effect"),
        ["ClosedAt"] = new("结束时间", "Closed"), ["FiledAt"] = new("报送时间", "Filed"), ["AcceptedAt"] = new("验收时间", "Accepted"),
        ["PublishedAt"] = new("发布时间", "Published"), ["SentAt"] = new("发送时间", "Sent"), ["VerifiedAt"] = new("核查时间", "Verified"),
        ["DueAt"] = new("截止时间", "Due"), ["DueOn"] = new("截止日期", "Due on"), ["MetAt"] = new("完成时间", "Met"),
        ["CancelledAt"] = new("取消时间", "Cancelled"), ["StartedAt"] = new("开始时间", "Started"), ["Obligation"] = new("办理事项", "Obligation"),
        ["SubjectType"] = new("对象类型", "Subject type"), ["SubjectRef"] = new("对象编号", "Subject number"),
        ["From"] = new("自", "From"), ["To"] = new("至", "To"), ["ValidFrom"] = new("生效日期", "Valid from"),
        ["PeriodStart"] = new("期间开始", "Period start"), ["PeriodEnd"] = new("期间结束", "Period end"), ["Month"] = new("月份", "Month"),
        ["Code"] = new("代码", "Code"), ["Need"] = new("需求", "Need"), ["Methods"] = new("方式", "Methods"), ["Method"] = new("方式", "Method"),
        ["Mode"] = new("方式", "Mode"), ["Grade"] = new("等级", "Grade"), ["Department"] = new("部门", "Department"),
        ["Recipient"] = new("接收人", "Recipient"), ["Sender"] = new("发送方", "Sender"), ["Attempts"] = new("尝试次数", "Attempts"),
        ["LastError"] = new("最近错误", "Last error"), ["NextAttemptAt"] = new("下次尝试时间", "Next attempt"),
        ["ExpiresAt"] = new("到期时间", "Expires"), ["IsOpen"] = new("开放中", "Open"), ["Programme"] = new("专项", "Programme"),
        ["Platforms"] = new("平台", "Platforms"), ["ClosureNote"] = new("结束说明", "Closure note"), ["ClaimedAt"] = new("认领时间", "Claimed"),
        ["CommissionedAt"] = new("委托时间", "Commissioned"), ["ReferredAt"] = new("转介时间", "Referred"), ["DecidedBy"] = new("决定人", "Decided by"),
        ["UpdatedBy"] = new("修改人", "Updated by"), ["CreditCode"] = new("统一社会信用代码", "Credit code"), ["OpeningHours"] = new("开放时间", "Opening hours"),
        ["CareLevel"] = new("照护等级", "Care level"), ["HealthCipher"] = new("健康状况（加密）", "Health (encrypted)"),
        ["IdNumberCipher"] = new("身份证号（加密）", "ID number (encrypted)"), ["FileName"] = new("文件名", "File name"),
        ["ContentType"] = new("文件类型", "Content type"), ["Size"] = new("大小", "Size"), ["Path"] = new("层级路径", "Path"),
        ["Level"] = new("层级", "Level"), ["ShortName"] = new("简称", "Short name"), ["NameEn"] = new("英文名称", "English name"),
        ["Scopes"] = new("权限范围", "Scopes"), ["RevokedAt"] = new("吊销时间", "Revoked"), ["Date"] = new("日期", "Date"),
        ["IsWorkingDay"] = new("工作日", "Working day"), ["Holiday"] = new("节假日", "Holiday"), ["Label"] = new("说明", "Label"),
        ["WithdrawnAt"] = new("撤回时间", "Withdrawn"), ["WithdrawnByName"] = new("撤回人", "Withdrawn by"), ["WithdrawReason"] = new("撤回原因", "Withdrawal reason"),
    };

    public static bool HasLabel(string field) => Hidden.Contains(field) || Fields.ContainsKey(field);

    /// <summary>The readable changes of a page of entries; organisations named by one query for the page.</summary>
    public static async Task<Dictionary<long, List<AuditChange>>> DescribeAsync(GuanjiaDb db,
        IReadOnlyList<(long Seq, string EntityType, string? Before, string? After)> entries, CancellationToken ct)
    {
        var clr = db.Model.GetEntityTypes().GroupBy(t => t.ClrType.Name).ToDictionary(g => g.Key, g => g.First());
        var raw = new Dictionary<long, List<(string Field, Type? Type, JsonElement? Before, JsonElement? After)>>();
        var orgIds = new HashSet<Guid>();
        foreach (var e in entries)
        {
            var before = Parse(e.Before);
            var after = Parse(e.After);
            var fields = (before?.Keys ?? Enumerable.Empty<string>()).Concat(after?.Keys ?? Enumerable.Empty<string>()).Distinct()
                .Where(f => !Hidden.Contains(f));
            var list = new List<(string, Type?, JsonElement?, JsonElement?)>();
            foreach (var f in fields)
            {
                JsonElement? b = before is not null && before.TryGetValue(f, out var bv) ? bv : null;
                JsonElement? a = after is not null && after.TryGetValue(f, out var av) ? av : null;
                var type = clr.TryGetValue(e.EntityType, out var et) ? et.FindProperty(f)?.ClrType : null;
                var u = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
                // A foreign key to anything but an organisation is bookkeeping (the entry's object links to the record).
                if (u == typeof(Guid) && !OrgFields.Contains(f)) continue;
                if (u == typeof(Guid))
                    foreach (var v in new[] { b, a })
                        if (v is { ValueKind: JsonValueKind.String } s && Guid.TryParse(s.GetString(), out var g)) orgIds.Add(g);
                list.Add((f, u, b, a));
            }
            raw[e.Seq] = list;
        }
        var names = orgIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => orgIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        // A field empty before and after (a new record's unset fields) says nothing.
        return raw.ToDictionary(kv => kv.Key, kv => kv.Value.Select(c => Change(c.Field, c.Type, c.Before, c.After, names))
            .Where(c => c.Before is not null || c.After is not null).ToList());
    }

    private static AuditChange Change(string field, Type? type, JsonElement? before, JsonElement? after, Dictionary<Guid, string> orgs)
    {
        var label = Fields.TryGetValue(field, out var l) ? l : new Label(field, field);
        string kind;
        string? unit = null, enumType = null;
        if (type == typeof(Guid)) kind = "org";
        else if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) kind = "time";
        else if (type == typeof(DateOnly)) kind = "date";
        else if (type == typeof(bool)) kind = "bool";
        else if (type is { IsEnum: true }) { kind = "enum"; enumType = type.Name; }
        else if ((type == typeof(long) || type == typeof(int)) && field.EndsWith("Fen", StringComparison.Ordinal))
        {
            kind = "money";
            unit = InWan(field) ? "wan" : "yuan";
        }
        else kind = "text";
        string? Text(JsonElement? v)
        {
            if (v is not { } e || e.ValueKind == JsonValueKind.Null) return null;
            if (e.ValueKind == JsonValueKind.String && e.GetString() == "***") return "***";
            if (kind == "org" && e.ValueKind == JsonValueKind.String && Guid.TryParse(e.GetString(), out var g))
                return orgs.TryGetValue(g, out var n) ? n : e.GetString();
            return e.ValueKind switch
            {
                JsonValueKind.String => e.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => e.GetRawText(),
            };
        }
        var b = Text(before);
        var a = Text(after);
        if (b == "***" || a == "***") kind = "secret";
        return new AuditChange(field, label.Zh, label.En, kind, unit, enumType, b, a);
    }

    private static Dictionary<string, JsonElement>? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json);
        }
        catch (JsonException)
        {
            return new() { ["Value"] = JsonDocument.Parse(JsonSerializer.Serialize(json)).RootElement };
        }
    }
}
