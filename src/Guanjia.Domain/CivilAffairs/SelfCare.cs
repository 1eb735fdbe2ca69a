namespace Guanjia.Domain.CivilAffairs;

/// <summary>The result of a self-care assessment (R-CA-07, 特困人员认定办法).</summary>
public enum SelfCareResult { Capable = 1, PartlyLost = 2, FullyLost = 3 }

/// <summary>The care level the result sets: 全自理 / 半护理 / 全护理.</summary>
public enum CareLevel { SelfCare = 1, PartialCare = 2, FullCare = 3 }

/// <summary>The six items of R-CA-07, each met (the person manages it alone) or not.</summary>
public sealed record SelfCareItems(bool Eating, bool Bathing, bool Dressing, bool Toileting, bool Transfer, bool Walking)
{
    public static readonly (string Field, string Zh, string En)[] Names =
    [
        ("eating", "进食", "Eating"), ("bathing", "洗澡", "Bathing"), ("dressing", "穿衣", "Dressing"),
        ("toileting", "如厕", "Toileting"), ("transfer", "上下床", "Getting in and out of bed"), ("walking", "行走", "Walking"),
    ];

    public IReadOnlyList<bool> All => [Eating, Bathing, Dressing, Toileting, Transfer, Walking];

    public int NotMet => All.Count(met => !met);
}

public static class SelfCare
{
    /// <summary>R-CA-07 as reworded: all six met = 具备; 1–3 not met = 部分丧失; 4 or more not met = 完全丧失.</summary>
    public static SelfCareResult Classify(SelfCareItems items) => items.NotMet switch
    {
        0 => SelfCareResult.Capable,
        <= 3 => SelfCareResult.PartlyLost,
        _ => SelfCareResult.FullyLost,
    };

    public static CareLevel CareLevelOf(SelfCareResult r) => r switch
    {
        SelfCareResult.Capable => CareLevel.SelfCare,
        SelfCareResult.PartlyLost => CareLevel.PartialCare,
        _ => CareLevel.FullCare,
    };

    public static string Zh(SelfCareResult r) => r switch
    {
        SelfCareResult.Capable => "具备生活自理能力",
        SelfCareResult.PartlyLost => "部分丧失生活自理能力",
        _ => "完全丧失生活自理能力",
    };

    public static string Zh(CareLevel l) => l switch { CareLevel.SelfCare => "全自理", CareLevel.PartialCare => "半护理", _ => "全护理" };
}
