namespace Guanjia.Domain.Publicity;

/// <summary>What a notice publishes; every module publishes through the one Publisher (issue 4, item 5).</summary>
public enum NoticeKind { ProjectPublicity = 1, ProjectResult = 2, ClaimBoard = 3, StationPublication = 4, ProjectAudit = 5 }

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
        ["WeChatAccount"] = "“莞家政务”微信公众号“民生大莞家”专栏",
        ["CivilAffairsWebsite"] = "东莞市民政局官网",
        ["CommunityPlatform"] = "社区公共服务综合信息平台",
        ["VillageNoticeBoard"] = "党务村（居）务公开栏",
        ["CharityFederationWebsite"] = "东莞市慈善会官网",
        ["IntegrityPlatform"] = "农村党风廉政信息公开平台",
    };

    /// <summary>
    /// R-MS-11: a confirmed project is publicised on all of them: 003 §二(四)'s four (12345 portal, 莞家政务 account, the
    /// civil-affairs website, the community platform) and 002 §四(四)1's (the account's 民生大莞家 column, the community
    /// platform, the 党务村(居)务公开栏). Leaving one out is an override with a recorded reason.
    /// </summary>
    public static readonly string[] LinkedPlatforms = ["Hotline12345Portal", "WeChatAccount", "CivilAffairsWebsite", "CommunityPlatform", "VillageNoticeBoard"];

    /// <summary>R-RT-02: the claim board's platforms named by 002 §四(三)2.</summary>
    public static readonly string[] ClaimPlatforms = ["WeChatAccount", "Hotline12345Portal", "CharityFederationWebsite"];
}
