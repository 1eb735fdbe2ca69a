namespace Guanjia.Domain.Publicity;

public enum NoticeKind { ProjectPublicity = 1, ProjectResult = 2 }

/// <summary>
/// What the public sees, from when to when and on which platforms (R-MS-11, R-MS-15). The text is
/// composed from masked fields at publication, so nothing personal can leak later (R-PL-07).
/// </summary>
public sealed class PublicNotice
{
    public Guid Id { get; set; }
    public NoticeKind Kind { get; set; }
    public required string SubjectType { get; set; }
    public Guid SubjectId { get; set; }
    public required string SubjectRef { get; set; }
    public Guid TownId { get; set; }
    public Guid VillageId { get; set; }
    public required string Title { get; set; }

    /// <summary>JSON of the published fields (content, location, time limit, budget, beneficiaries, …).</summary>
    public required string BodyJson { get; set; }
    public required string Platforms { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset? To { get; set; }
    public DateTimeOffset PublishedAt { get; set; }

    public static readonly IReadOnlyDictionary<string, string> PlatformNames = new Dictionary<string, string>
    {
        ["Hotline12345Portal"] = "“12345”政府服务热线门户网站",
        ["WeChatAccount"] = "“莞家政务”微信公众号",
        ["CivilAffairsWebsite"] = "东莞市民政局官网",
        ["CommunityPlatform"] = "社区公共服务综合信息平台",
        ["VillageNoticeBoard"] = "村（居）务公开栏",
    };

    public static readonly string[] LinkedPlatforms = ["Hotline12345Portal", "WeChatAccount", "CivilAffairsWebsite", "CommunityPlatform"];
}
