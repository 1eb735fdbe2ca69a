using Guanjia.Domain.Common;
using Guanjia.Domain.Purchasing;

namespace Guanjia.Domain.CivilAffairs;

/// <summary>
/// What a station is (ADR 0042): the township 民政服务站 of 001, or the street's or zone's 社会服务工作站 of 004. Both are rows
/// of <see cref="CivilAffairsStation"/>, one of each kind per town at most.
/// </summary>
public enum StationKind
{
    /// <summary>001: "××乡镇(街道)民政服务站".</summary>
    CivilAffairsStation = 1,

    /// <summary>004 八(二): each street, town or development zone has one 社会服务工作站 (name form: our reading, ADR 0042).</summary>
    SocialServiceWorkstation = 2,
}

/// <summary>R-CA-01 and its 004 counterpart: the one name a station may carry, made from its town's name.</summary>
public static class StationNames
{
    public const string StationSuffix = "民政服务站";
    public const string WorkstationSuffix = "社会服务工作站";

    public static string For(string townName, StationKind kind) =>
        townName + (kind == StationKind.SocialServiceWorkstation ? WorkstationSuffix : StationSuffix);

    /// <summary>A name typed by a person must be the required form exactly (spaces around it aside): a 400 naming the field and R-CA-01.</summary>
    public static Check CheckName(Check c, string? name, string townName, StationKind kind)
    {
        if (string.IsNullOrWhiteSpace(name)) return c;
        var required = For(townName, kind);
        return c.When(name.Trim() != required, "name", "name_form",
            kind == StationKind.SocialServiceWorkstation
                ? $"工作站名称须为“{required}”（“××街道(镇、开发区)社会服务工作站”，R-CA-01、ADR 0042）"
                : $"服务站名称须为“{required}”（“××乡镇(街道)民政服务站”，R-CA-01）",
            $"The station must be named \"{required}\" (R-CA-01)");
    }
}

/// <summary>Who a person on the roster is (R-CA-02, R-PS-04).</summary>
public enum StaffRole
{
    /// <summary>A resident worker of a station or workstation (驻站人员 / 工作站工作人员), employed by the contractor.</summary>
    Worker = 1,

    /// <summary>004 八(一): one project manager (项目主管) per package, employed by the contractor.</summary>
    ProjectManager = 2,

    /// <summary>004 八(一): one project supervisor (项目督导) per package, from the district's governance academy.</summary>
    Supervisor = 3,
}

public enum TrainingKind
{
    /// <summary>R-CA-03: 岗前培训, at least 40 hours before serving.</summary>
    PreJob = 1,

    /// <summary>R-CA-03: 继续教育, at least 60 hours a year.</summary>
    Continuing = 2,
}

/// <summary>
/// A person on a contractor's roster (R-CA-02, R-PS-04): a station's worker, or a package's project manager or supervisor. Hired by
/// open examination, insured and filed with the bureau; the general requirements (age, degree, hukou) are checked and an exception
/// carries its reason. A worker may be linked to the user account they sign in with, so casework can refuse them until trained (R-CA-03).
/// </summary>
public sealed class StaffMember : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public StaffRole Role { get; set; }
    public Guid? StationId { get; set; }
    public Guid? PackageId { get; set; }

    /// <summary>The contractor that employs the person, or the governance academy for a supervisor.</summary>
    public Guid EmployerId { get; set; }
    public Guid? UserId { get; set; }

    /// <summary>The station's town path, or the package's path.</summary>
    public required string ScopePath { get; set; }
    public required string Name { get; set; }

    /// <summary>The worker's own phone: shown in the console only, never on the public page (the station's contact is the station's).</summary>
    public string? Phone { get; set; }
    public DateOnly BirthDate { get; set; }
    public EducationLevel Education { get; set; }
    public bool LocalHukou { get; set; }

    /// <summary>The general requirements missed when hired (codes of <see cref="StaffRequirements"/>, comma-separated), with the reason.</summary>
    public string? Exceptions { get; set; }
    public string? ExceptionReason { get; set; }
    public bool HiredByOpenExam { get; set; }
    public bool SocialInsurance { get; set; }
    public DateOnly? FiledWithBureauOn { get; set; }
    public DateOnly Since { get; set; }
    public DateOnly? Until { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A line of the training ledger (R-CA-03): date, hours, kind, topic.</summary>
public sealed class TrainingEntry : IScoped
{
    public Guid Id { get; set; }
    public Guid StaffId { get; set; }
    public required string ScopePath { get; set; }
    public DateOnly On { get; set; }
    public decimal Hours { get; set; }
    public TrainingKind Kind { get; set; }
    public required string Topic { get; set; }
    public string? Provider { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>What a station does and publishes (R-CA-10, R-CA-11, R-CA-14).</summary>
public enum ActivityKind
{
    /// <summary>R-CA-14: 年度有计划.</summary>
    YearlyPlan = 1,

    /// <summary>R-CA-14: 月度有重点.</summary>
    MonthlyFocus = 2,

    /// <summary>R-CA-14: 每周有活动; the week's are shown on the station's public page.</summary>
    WeeklyActivity = 3,

    /// <summary>R-CA-11: 每月至少开展一次民政相关政策宣传.</summary>
    PolicyPublicity = 4,

    /// <summary>R-CA-11: 每年至少3次政策宣传或救助故事新闻宣传报道.</summary>
    NewsReport = 5,

    /// <summary>R-CA-10: capacity building of an incubated community social organisation.</summary>
    CapacityBuilding = 6,
}

/// <summary>A plan, focus, activity, publicity or news report of a station, on its day (Beijing date).</summary>
public sealed class StationActivity : IScoped
{
    public Guid Id { get; set; }
    public Guid StationId { get; set; }
    public required string ScopePath { get; set; }
    public ActivityKind Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly On { get; set; }
    public string? Time { get; set; }
    public string? Place { get; set; }
    public string? Description { get; set; }

    /// <summary>A news report's outlet or link.</summary>
    public string? Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>R-CA-14: the week a station's page shows (our reading, ADR 0042): Monday to Sunday of today's Beijing date.</summary>
public static class StationWeek
{
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static (DateOnly From, DateOnly To) Of(DateOnly day)
    {
        var monday = Monday(day);
        return (monday, monday.AddDays(6));
    }
}
