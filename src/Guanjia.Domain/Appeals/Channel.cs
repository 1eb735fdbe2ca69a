namespace Guanjia.Domain.Appeals;

/// <summary>Where an appeal came in (R-IN-01). Stored on every appeal; decides where feedback goes.</summary>
public enum Channel
{
    // City level
    CitizenServiceCentre = 1,
    WeChatAccount = 2,
    Hotline12345 = 3,
    HotlinePortal = 4,
    /// <summary>This system's own public portal (/portal): the resident submits online and is answered by text message.</summary>
    Portal = 5,
    // Town level
    TownServiceCentre = 11,
    StationedCadre = 12,
    GridWorker = 13,
    // Village level
    PartyMassServiceCentre = 21,
    HomeVisit = 22,
    ConsultationMeeting = 23,
    CallOrVisit = 24,
    OnlineMedia = 25,
    SuggestionBox = 26,
    VillageProposal = 27,
    /// <summary>信访: never accepted as a programme item (R-PL-09); listed only so it can be refused by name.</summary>
    Petition = 99,
}

public enum ChannelLevel { City = 1, Town = 2, Village = 3 }

/// <summary>How feedback reaches the appellant: the integration it came from, or a text message.</summary>
public enum DeliveryChannel { Hotline12345 = 1, WeChat = 2, Sms = 3 }

public static class Channels
{
    public static ChannelLevel LevelOf(Channel c) => (int)c switch
    {
        < 10 => ChannelLevel.City,
        < 20 => ChannelLevel.Town,
        _ => ChannelLevel.Village,
    };

    public static string Zh(Channel c) => c switch
    {
        Channel.CitizenServiceCentre => "市民服务中心",
        Channel.WeChatAccount => "“莞家政务”微信公众号",
        Channel.Hotline12345 => "12345政府服务热线",
        Channel.HotlinePortal => "12345热线门户网站",
        Channel.Portal => "民生大莞家公众门户（网上自助提交）",
        Channel.TownServiceCentre => "镇（街道）政务服务中心",
        Channel.StationedCadre => "领导干部驻点联系群众",
        Channel.GridWorker => "网格员日常巡查",
        Channel.PartyMassServiceCentre => "村（社区）党群服务中心",
        Channel.HomeVisit => "入户走访",
        Channel.ConsultationMeeting => "协商议事会议",
        Channel.CallOrVisit => "来电来访",
        Channel.OnlineMedia => "网络媒体",
        Channel.SuggestionBox => "意见箱",
        Channel.VillageProposal => "村（社区）自行提出",
        Channel.Petition => "信访",
        _ => c.ToString(),
    };

    /// <summary>Feedback goes back the way the appeal came (R-PL-06); offline channels reach the phone.</summary>
    public static DeliveryChannel DeliveryFor(Channel c) => c switch
    {
        Channel.Hotline12345 or Channel.HotlinePortal => DeliveryChannel.Hotline12345,
        Channel.WeChatAccount => DeliveryChannel.WeChat,
        // The portal has no account to write back to: the phone the resident gave is the way back.
        _ => DeliveryChannel.Sms,
    };
}
