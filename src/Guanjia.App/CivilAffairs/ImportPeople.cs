using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Guanjia.App.Persistence;
using Guanjia.Domain.Accounts;
using Guanjia.Domain.CivilAffairs;
using Guanjia.Domain.Common;
using Guanjia.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Guanjia.App.CivilAffairs;

public sealed record ImportRowView(int Row, string? Name, string? DocumentMasked, string? VillageName, IReadOnlyList<string> Categories,
    IReadOnlyList<FieldError> Errors);

public sealed record ImportPreview(int Rows, int Valid, int Invalid, IReadOnlyList<ImportRowView> Items, IReadOnlyList<string> Columns);

public sealed record ImportResult(int Imported, IReadOnlyList<Guid> FileIds);

/// <summary>
/// Bulk registration from the assistance system's export (CSV in UTF-8 or Excel .xlsx, first sheet), one person a row under
/// Chinese column headers. The preview checks every row as a registration would and lists each row's errors; the import
/// saves all rows in one transaction or, if any row is wrong, none (400 naming rows[n].field).
/// </summary>
public static class ImportPeople
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "姓名", "证件类型", "证件号码", "性别", "出生日期", "联系电话", "本地户籍", "村（社区）", "住址", "与户主关系", "户主证件号码", "对象类别",
        "类别生效日期", "类别失效日期", "残疾等级", "建档日期", "动态调整", "健康状况",
    ];

    public const int MaxRows = 5000;

    private static readonly Dictionary<string, Relation> Relations = new()
    {
        ["户主"] = Relation.Head, ["本人"] = Relation.Head, ["配偶"] = Relation.Spouse, ["子女"] = Relation.Child, ["儿子"] = Relation.Child,
        ["女儿"] = Relation.Child, ["父母"] = Relation.Parent, ["父亲"] = Relation.Parent, ["母亲"] = Relation.Parent, ["孙子女"] = Relation.Grandchild,
        ["祖父母"] = Relation.Grandparent, ["兄弟姐妹"] = Relation.Sibling, ["其他"] = Relation.Other,
    };

    private static readonly Dictionary<string, DocumentKind> Kinds = new()
    {
        ["身份证"] = DocumentKind.ResidentId, ["居民身份证"] = DocumentKind.ResidentId, ["港澳台居民居住证"] = DocumentKind.HkMacaoTaiwanPermit,
        ["港澳台通行证"] = DocumentKind.HkMacaoTaiwanPermit, ["护照"] = DocumentKind.Passport, ["外国人永久居留身份证"] = DocumentKind.ForeignPermanentResident,
        ["其他"] = DocumentKind.Other,
    };

    public static async Task<ImportPreview> PreviewAsync(GuanjiaDb db, CaseworkServices s, string fileName, Stream content, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var (rows, _) = await CheckAsync(db, s, fileName, content, ct);
        return new ImportPreview(rows.Count, rows.Count(r => r.Errors.Count == 0), rows.Count(r => r.Errors.Count > 0),
            rows.Select(r => new ImportRowView(r.Row, r.Name, r.Masked, r.Village, r.Categories, r.Errors)).ToList(), Columns);
    }

    public static async Task<ImportResult> HandleAsync(GuanjiaDb db, CaseworkServices s, string fileName, Stream content, CancellationToken ct)
    {
        Casework.Require(db, Permissions.CaseworkRecord);
        var (rows, prepared) = await CheckAsync(db, s, fileName, content, ct);
        var errors = rows.SelectMany(r => r.Errors).ToList();
        if (errors.Count > 0) throw new ValidationFailed(errors);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Rows of one household share the household of its head (the first row with that head's number).
        var households = new Dictionary<string, Guid>();
        foreach (var (row, prep) in prepared)
        {
            var p = prep;
            if (row.HeadKey is { } head && households.TryGetValue(head, out var hid))
            {
                p.File.HouseholdId = hid;
                p = p with { NewHousehold = null };
            }
            else if (row.HeadKey is not null) households[row.HeadKey] = p.File.HouseholdId;
            await RegisterPerson.AddAsync(db, s, p, ct);
        }
        await db.Audit("ImportPeople", $"批量导入 {fileName}，{prepared.Count} 人").SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult(prepared.Count, prepared.Select(p => p.P.File.Id).ToList());
    }

    private sealed class RowCheck
    {
        public int Row;
        public string? Name, Masked, Village, HeadKey;
        public List<string> Categories = [];
        public List<FieldError> Errors = [];
    }

    private static async Task<(List<RowCheck> Rows, List<(RowCheck Row, RegisterPerson.Prepared P)> Prepared)> CheckAsync(GuanjiaDb db,
        CaseworkServices s, string fileName, Stream content, CancellationToken ct)
    {
        List<string[]> table;
        try
        {
            table = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(content) : ReadCsv(content);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or KeyNotFoundException)
        {
            throw new ValidationFailed("file", "unreadable", "文件无法读取，请上传 UTF-8 编码的 CSV 或 .xlsx 文件", "The file is not a readable CSV or .xlsx");
        }
        // The header is the first row naming 姓名 (a sheet may have a title and notes above its table).
        var headerAt = table.FindIndex(r => r.Any(c => c.Trim() == "姓名"));
        new Check().When(headerAt < 0 || table.Count < headerAt + 2, "file", "empty", "文件中没有表头（姓名…）或数据行", "The file has no header row or no data rows")
            .When(table.Count - headerAt - 1 > MaxRows, "file", "too_many", $"一次最多导入{MaxRows}行", $"At most {MaxRows} rows at once").ThrowIfFailed();
        var header = table[headerAt].Select(h => h.Trim()).ToArray();
        var missing = new[] { "姓名", "证件号码", "村（社区）", "住址", "对象类别", "类别生效日期" }.Where(h => !header.Contains(h)).ToList();
        if (missing.Count > 0)
            throw new ValidationFailed("file", "missing_columns", $"缺少列：{string.Join("、", missing)}", $"Missing columns: {string.Join(", ", missing)}");
        int Col(string name) => Array.IndexOf(header, name);

        var (settings, _) = await CaseworkSettingsStore.GetAsync(db, ct);
        var villages = await db.Organizations.AsNoTracking()
            .Where(o => (o.Kind == OrganizationKind.Village || o.Kind == OrganizationKind.Community) && o.IsActive).ToListAsync(ct);
        villages = villages.Where(v => db.Actor.Sees(v.Path)).ToList();
        var rows = new List<RowCheck>();
        var prepared = new List<(RowCheck, RegisterPerson.Prepared)>();
        var seen = new Dictionary<string, int>();
        for (var i = headerAt + 1; i < table.Count; i++)
        {
            var cells = table[i];
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            string? Cell(string name) => Col(name) is var k and >= 0 && k < cells.Length && !string.IsNullOrWhiteSpace(cells[k]) ? cells[k].Trim() : null;
            var rowNo = i + 1;
            var prefix = $"rows[{rowNo}].";
            var rc = new RowCheck { Row = rowNo, Name = Cell("姓名") };
            var c = new Check();
            DateOnly? Date(string col, string field)
            {
                var v = Cell(col);
                if (v is null) return null;
                if (DateOnly.TryParseExact(v, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d"], CultureInfo.InvariantCulture,
                        DateTimeStyles.None, out var d)) return d;
                c.Add(prefix + field, "invalid_date", $"第{rowNo}行“{col}”日期格式不正确：“{v}”（应为 yyyy-MM-dd）",
                    $"Row {rowNo}: '{v}' in {field} is not a date (yyyy-MM-dd)");
                return null;
            }
            bool Yes(string col) => Cell(col) is "是" or "Y" or "y" or "1" or "true";
            var kindText = Cell("证件类型") ?? "身份证";
            DocumentKind? kind = Kinds.TryGetValue(kindText, out var k) ? k : null;
            if (kind is null) c.Add(prefix + "documentKind", "invalid_value", $"第{rowNo}行证件类型“{kindText}”不正确", $"Row {rowNo}: unknown document kind");
            var sexText = Cell("性别");
            Sex? sex = sexText switch { "男" => Sex.Male, "女" => Sex.Female, _ => null };
            if (sexText is not null && sex is null) c.Add(prefix + "sex", "invalid_value", $"第{rowNo}行性别应为“男”或“女”", $"Row {rowNo}: sex is 男 or 女");
            var relText = Cell("与户主关系");
            Relation? rel = relText is null ? Relation.Head : Relations.TryGetValue(relText, out var r) ? r : null;
            if (rel is null) c.Add(prefix + "relation", "invalid_value", $"第{rowNo}行与户主关系“{relText}”不正确", $"Row {rowNo}: unknown relation");
            var villageText = Cell("村（社区）");
            var matches = villages.Where(v => v.Name == villageText || v.Code == villageText).ToList();
            if (villageText is not null && matches.Count != 1)
                c.Add(prefix + "villageId", matches.Count == 0 ? "unknown_village" : "ambiguous_village",
                    matches.Count == 0 ? $"第{rowNo}行村（社区）“{villageText}”不在您的范围内" : $"第{rowNo}行村（社区）“{villageText}”重名，请填写村（社区）代码",
                    $"Row {rowNo}: village '{villageText}' is unknown or ambiguous");
            rc.Village = matches.Count == 1 ? matches[0].Name : villageText;
            int? grade = null;
            if (Cell("残疾等级") is { } g)
            {
                if (int.TryParse(g.TrimEnd('级'), out var n)) grade = n;
                else c.Add(prefix + "disabilityGrade", "invalid_value", $"第{rowNo}行残疾等级应为1至4", $"Row {rowNo}: disability grade 1 to 4");
            }
            var from = Date("类别生效日期", "categories.validFrom");
            var to = Date("类别失效日期", "categories.validTo");
            var birth = Date("出生日期", "birthDate");
            var registered = Date("建档日期", "registeredOn");
            var categories = new List<RegisterPerson.CategoryInput>();
            foreach (var name in (Cell("对象类别") ?? "").Split(['、', ';', '；', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var def = settings.Categories.FirstOrDefault(d => d.Zh == name || d.Code == name || d.Zh.StartsWith(name, StringComparison.Ordinal));
                if (def is null) c.Add(prefix + "categories", "unknown_category", $"第{rowNo}行对象类别“{name}”不在类别清单中", $"Row {rowNo}: unknown category '{name}'");
                else
                {
                    rc.Categories.Add(def.Zh);
                    categories.Add(new RegisterPerson.CategoryInput(def.Code, def.HasGrade ? grade : null, from, to, null));
                }
            }
            var number = IdNumber.Normalize(Cell("证件号码"));
            rc.Masked = number.Length > 0 ? IdNumber.Mask(number) : null;
            if (number.Length > 0 && kind is not null)
            {
                var key = $"{(int)kind}:{number}";
                if (seen.TryGetValue(key, out var first))
                    c.Add(prefix + "documentNumber", "duplicate_in_file", $"第{rowNo}行证件号码与第{first}行重复", $"Row {rowNo}: same document as row {first}");
                else seen[key] = rowNo;
            }
            var head = IdNumber.Normalize(Cell("户主证件号码"));
            rc.HeadKey = head.Length > 0 ? head : number.Length > 0 ? number : null;
            var request = new RegisterPerson.Request(matches.Count == 1 ? matches[0].Id : null, null, null, Yes("动态调整"), rel, rc.Name, kind, number,
                sex, birth, Cell("联系电话"), Yes("本地户籍"), Cell("住址"), Cell("健康状况"), grade, categories, null, registered, null);
            if (c.Ok)
            {
                var p = await RegisterPerson.PrepareAsync(db, s, settings, request, prefix, c, ct);
                if (p is not null && c.Ok)
                {
                    if (await db.CaseFiles.IgnoreQueryFilters().AnyAsync(f => f.ActiveDocumentHash == p.Hash, ct))
                        c.Add(prefix + "documentNumber", "already_registered", $"第{rowNo}行此人已在档（本镇街或其他镇街）",
                            $"Row {rowNo}: the person is already on file");
                    else prepared.Add((rc, p));
                }
            }
            try { c.ThrowIfFailed(); }
            catch (ValidationFailed v) { rc.Errors.AddRange(v.Errors); }
            rows.Add(rc);
        }
        return (rows, prepared);
    }

    /// <summary>CSV per RFC 4180 in UTF-8 (with or without BOM).</summary>
    public static List<string[]> ReadCsv(Stream content)
    {
        using var reader = new StreamReader(content, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else cell.Append(ch);
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }
        return rows;
    }

    /// <summary>The first sheet of an .xlsx: shared and inline strings, numbers (dates as yyyy-MM-dd when the cell is date-styled or looks like one).</summary>
    public static List<string[]> ReadXlsx(Stream content)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read);
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var shared = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is { } sst)
        {
            using var st = sst.Open();
            shared = XDocument.Load(st).Root!.Elements(ns + "si").Select(si => string.Concat(si.Descendants(ns + "t").Select(t => t.Value))).ToList();
        }
        var dateStyles = new HashSet<int>();
        if (zip.GetEntry("xl/styles.xml") is { } styles)
        {
            using var st = styles.Open();
            var xfs = XDocument.Load(st).Root!.Element(ns + "cellXfs")?.Elements(ns + "xf").ToList() ?? [];
            for (var i = 0; i < xfs.Count; i++)
                if (int.TryParse((string?)xfs[i].Attribute("numFmtId"), out var f) && f is >= 14 and <= 22 or >= 176 and <= 180) dateStyles.Add(i);
        }
        var sheet = zip.GetEntry("xl/worksheets/sheet1.xml") ?? zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
        using var s = sheet.Open();
        var rows = new List<string[]>();
        foreach (var r in XDocument.Load(s).Descendants(ns + "row"))
        {
            var cells = new List<string>();
            foreach (var c in r.Elements(ns + "c"))
            {
                var col = ColumnIndex((string?)c.Attribute("r") ?? "");
                while (cells.Count < col) cells.Add("");
                var type = (string?)c.Attribute("t");
                var v = (string?)c.Element(ns + "v") ?? "";
                var style = int.TryParse((string?)c.Attribute("s"), out var sIdx) ? sIdx : -1;
                cells.Add(type switch
                {
                    "s" => shared[int.Parse(v, CultureInfo.InvariantCulture)],
                    "inlineStr" => string.Concat(c.Descendants(ns + "t").Select(t => t.Value)),
                    _ when dateStyles.Contains(style) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                        => DateTime.FromOADate(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ => v,
                });
            }
            rows.Add([.. cells]);
        }
        return rows;
    }

    private static int ColumnIndex(string cellRef)
    {
        var n = 0;
        foreach (var ch in cellRef.TakeWhile(char.IsLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return Math.Max(0, n - 1);
    }
}
