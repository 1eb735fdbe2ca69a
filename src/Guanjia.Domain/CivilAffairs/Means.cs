namespace Guanjia.Domain.CivilAffairs;

/// <summary>What a means investigation suggests to the town; the town decides, the system never changes a status (R-CA-05).</summary>
public enum MeansFlag { None = 0, MayQualifySubsistence = 1, MayQualifyLowIncome = 2, MayNoLongerQualify = 3, MayMoveToLowIncome = 4 }

/// <summary>The household's standing as the figures put it.</summary>
public enum MeansBand { BelowStandard = 1, LowIncome = 2, Above = 3 }

public static class Means
{
    /// <summary>Monthly income per head in fen, rounded down; a household of nobody has none.</summary>
    public static long IncomePerHead(IEnumerable<long> memberMonthlyIncomesFen, int members) =>
        members <= 0 ? 0 : memberMonthlyIncomesFen.Sum() / members;

    /// <summary>Below the 低保 standard, within the low-income line (standard × factor %), or above it.</summary>
    public static MeansBand Band(long perHeadFen, long standardFen, int lowIncomePercent) =>
        perHeadFen < standardFen ? MeansBand.BelowStandard
        : perHeadFen < standardFen * lowIncomePercent / 100 ? MeansBand.LowIncome
        : MeansBand.Above;

    /// <summary>A change the town should look at: the band and the household's present categories disagree.</summary>
    public static MeansFlag Flag(MeansBand band, bool onSubsistence, bool onLowIncome) => band switch
    {
        MeansBand.BelowStandard when !onSubsistence => MeansFlag.MayQualifySubsistence,
        MeansBand.LowIncome when onSubsistence => MeansFlag.MayMoveToLowIncome,
        MeansBand.LowIncome when !onLowIncome => MeansFlag.MayQualifyLowIncome,
        MeansBand.Above when onSubsistence || onLowIncome => MeansFlag.MayNoLongerQualify,
        _ => MeansFlag.None,
    };

    public static string Zh(MeansFlag f) => f switch
    {
        MeansFlag.MayQualifySubsistence => "人均收入低于低保标准，建议镇街核查是否纳入低保",
        MeansFlag.MayQualifyLowIncome => "人均收入在低收入认定范围内，建议镇街核查是否认定为低保边缘/低收入家庭",
        MeansFlag.MayMoveToLowIncome => "人均收入已高于低保标准但在低收入范围内，建议镇街核查是否调整",
        MeansFlag.MayNoLongerQualify => "人均收入已超过认定标准，建议镇街核查是否退出",
        _ => "无变化",
    };
}
