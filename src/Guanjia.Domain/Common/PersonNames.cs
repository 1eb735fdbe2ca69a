using System.Reflection;
using System.Text.Json;
using JiebaNet.Segmenter;
using JiebaNet.Segmenter.PosSeg;

namespace Guanjia.Domain.Common;

/// <summary>
/// Finds people's names in Chinese free text (R-PL-07, ADR 0022) with jieba's part-of-speech tags (<c>nr</c>: person
/// name). jieba's dictionary tags many ordinary words nr as well (文明, 阳光, 青少年, place names such as 凤岗镇), so a token
/// counts as a name only when it reads like one: two to four Han characters (five with a compound surname), a common
/// surname first, not a frequent dictionary word, and, for two characters, not a dictionary word unless the words around
/// it speak of a person ("联系人李四"). The programme's own place names (the Dongguan organisation tree)
/// are taught to the segmenter as places first. The dictionaries come with the jieba.NET package and are copied to the
/// jieba/ folder beside this assembly by the build.
/// </summary>
public static class PersonNames
{
    /// <summary>Where the dictionaries are read from: jieba/ beside the assembly (copied by Guanjia.Domain.csproj).</summary>
    public static string DictionaryFolder => Path.Combine(AppContext.BaseDirectory, "jieba");

    // A dictionary word this frequent is an ordinary word jieba happens to tag nr (文明 6584, 明白 10875, 高明 791).
    private const int CommonWordFrequency = 500;

    private static readonly Lazy<PosSegmenter> Segmenter = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock Gate = new();

    /// <summary>The most common surnames (together well over 90% of people), single and compound.</summary>
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾" +
        "夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申" +
        "欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉" +
        "缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官" +
        "封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初" +
        "门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展" +
        "阴昝智幸奉植衡富尧闭由";

    private static readonly string[] CompoundSurnames =
        ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "夏侯", "轩辕", "端木", "司徒", "西门", "南宫", "钟离", "宇文", "澹台"];

    /// <summary>The names of people the text contains, each once, longest first.</summary>
    public static IReadOnlyList<string> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        List<Pair> tokens;
        lock (Gate) tokens = Segmenter.Value.Cut(text).ToList();
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var start = i;
            string word;
            if (tokens[i].Word.Length == 1 && Surnames.Contains(tokens[i].Word[0], StringComparison.Ordinal) && tokens[i].Flag is ['n', ..] or "x"
                && i + 1 < tokens.Count && IsNameTag(tokens[i + 1].Flag) && tokens[i + 1].Word.Length == 2)
                word = tokens[i].Word + tokens[++i].Word; // a surname read as something else (郑/ns 美玲/nr)
            else if (IsNameTag(tokens[i].Flag))
            {
                // jieba splits some names in two (王/nr 秀英/nr, 梁/nr 志强/nrfg): adjacent name tokens are one name.
                word = tokens[i].Word;
                while (i + 1 < tokens.Count && IsNameTag(tokens[i + 1].Flag) && word.Length + tokens[i + 1].Word.Length <= 5)
                    word += tokens[++i].Word;
            }
            else continue;
            var person = (start > 0 && PersonBefore.Contains(tokens[start - 1].Word))
                || (i + 1 < tokens.Count && PersonAfter.Contains(tokens[i + 1].Word));
            if (LooksLikeName(word, person)) found.Add(word);
        }
        return found.OrderByDescending(n => n.Length).ToList();
    }

    /// <summary>Words that introduce a person ("联系人李四", "居民张三").</summary>
    private static readonly HashSet<string> PersonBefore = new(StringComparer.Ordinal)
    {
        "联系人", "居民", "村民", "老人", "长者", "受助人", "诉求人", "申请人", "提议人", "户主", "业主", "爱心人士", "志愿者", "工作人员", "负责人",
        "经办人", "社工", "网格员", "由", "向", "给", "帮助", "协助", "探访", "慰问",
    };

    /// <summary>Words that follow a person ("李四老人", "王五先生", "张三等").</summary>
    private static readonly HashSet<string> PersonAfter = new(StringComparer.Ordinal)
    {
        "老人", "先生", "女士", "阿姨", "大爷", "大妈", "伯", "婆", "家属", "同志", "等人", "一家", "家中", "反映", "提议", "表示", "来电",
    };

    /// <summary>Whether the whole value is one person's name (an implementing body that is a person, say).</summary>
    public static bool IsName(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        var v = value.Trim();
        return LooksLikeName(v) && Find(v).Contains(v);
    }

    private static bool IsNameTag(string flag) => flag.StartsWith("nr", StringComparison.Ordinal);

    private static bool LooksLikeName(string word, bool person = false)
    {
        if (!word.All(c => c is >= '\u4e00' and <= '\u9fff')) return false;
        var compound = CompoundSurnames.Any(s => word.StartsWith(s, StringComparison.Ordinal));
        if (word.Length < (compound ? 3 : 2) || word.Length > (compound ? 5 : 4)) return false;
        if (!compound && !Surnames.Contains(word[0], StringComparison.Ordinal)) return false;
        // Two characters that are a dictionary word are mostly ordinary words jieba tags nr (楼宇, 乔木, 庄园, 屠宰);
        // a resident's two-character name is not in the dictionary and comes from jieba's model (张伟, 张三).
        // Said of a person ("联系人李四"), it is a name all the same.
        if (word.Length == 2 && WordDictionary.Instance.ContainsWord(word) && !person) return false;
        return WordDictionary.Instance.GetFreqOrDefault(word) < CommonWordFrequency;
    }

    private static PosSegmenter Create()
    {
        var folder = DictionaryFolder;
        if (!File.Exists(Path.Combine(folder, "dict.txt")))
            throw new InvalidOperationException(
                $"jieba's dictionaries are missing from {folder}: they are copied there from the jieba.NET package by the build of Guanjia.Domain");
        ConfigManager.ConfigFileBaseDir = folder;
        var segmenter = new JiebaSegmenter();
        foreach (var place in Places()) segmenter.AddWord(place, 0, "ns");
        return new PosSegmenter(segmenter);
    }

    /// <summary>The Dongguan towns and villages, with and without their 镇/街道/社区/村 endings, so they are read as places.</summary>
    private static IEnumerable<string> Places()
    {
        var asm = typeof(PersonNames).Assembly;
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith("dongguan-organizations.json", StringComparison.Ordinal));
        using var stream = asm.GetManifestResourceStream(name)!;
        using var doc = JsonDocument.Parse(stream);
        var names = new HashSet<string>(StringComparer.Ordinal);
        Walk(doc.RootElement, names);
        string[] endings = ["街道", "社区", "园区", "新区", "镇", "村"];
        foreach (var n in names.ToList())
            foreach (var e in endings.Where(e => n.EndsWith(e, StringComparison.Ordinal) && n.Length - e.Length >= 2))
                names.Add(n[..^e.Length]);
        return names.Where(n => n.Length is >= 2 and <= 8);
    }

    private static void Walk(JsonElement e, HashSet<string> names)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (p.NameEquals("name") && p.Value.ValueKind == JsonValueKind.String) names.Add(p.Value.GetString()!);
                    else Walk(p.Value, names);
                }
                break;
            case JsonValueKind.Array:
                foreach (var x in e.EnumerateArray()) Walk(x, names);
                break;
        }
    }
}
