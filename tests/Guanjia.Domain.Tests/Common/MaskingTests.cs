using Guanjia.Domain.Common;
using Xunit.Abstractions;

namespace Guanjia.Domain.Tests.Common;

/// <summary>
/// R-PL-07 over sentences staff really write: every person's name, phone, ID number and house number is masked; building
/// counts, quantities, amounts, dates and the programme's place names are left as written.
/// </summary>
public class MaskingTests(ITestOutputHelper output)
{
    public static TheoryData<string, string[], string[]> Sentences => new()
    {
        // text, what must be gone, what must stay
        { "张三反映小区楼道灯坏了，联系人李四，电话13812345678。", ["张三", "李四", "13812345678"], ["小区楼道灯坏了", "联系人", "138****5678"] },
        { "由王秀英负责实施，新建200米排水渠，预算5万元。", ["王秀英", "秀英"], ["200米", "5万元", "由王**负责实施"] },
        { "居民陈大文提议在光明路12号3栋501室门前安装路灯。", ["陈大文", "12号", "501室"], ["光明路", "安装路灯"] },
        { "岗贝社区为80岁以上长者提供助餐服务，联系人：刘建国。", ["刘建国"], ["岗贝社区", "80岁", "助餐服务"] },
        { "受助人黄小明，身份证号441900199001011234，家住东城街道主山社区新村路18号。", ["黄小明", "441900199001011234", "18号"], ["东城街道", "主山社区", "新村路"] },
        { "李秀英老人行动不便，希望加装扶手。", ["李秀英"], ["老人行动不便"] },
        { "改造3栋老旧楼宇，共安装太阳能路灯12盏，惠及居民800人。", [], ["3栋", "12盏", "800人", "改造3栋老旧楼宇"] },
        { "修缮小区3号楼前道路，约300平方米；户型3室2厅。", [], ["3号楼", "300平方米", "3室2厅"] },
        { "12月5号召开协商会议，凤岗镇雁田村、沙田镇、洪梅镇派员参加。", [], ["12月5号", "凤岗镇", "雁田村", "沙田镇", "洪梅镇"] },
        { "东莞市暖莞社会工作服务中心承接，为青少年提供文明实践服务。", [], ["东莞市暖莞社会工作服务中心", "青少年", "文明实践"] },
        { "请张伟的家属到社区领取物资，电话0769-22001234。", ["张伟", "22001234"], ["家属到社区领取物资"] },
        { "爱心人士欧阳娜娜认领，由司马光代为联系。", ["司马光"], ["爱心人士", "认领"] },
        { "社区工作人员梁志强、郑美玲负责回访，乔木修剪及庄园式绿化另行安排。", ["梁志强", "郑美玲"], ["乔木修剪", "庄园式绿化", "社区工作人员"] },
    };

    [Theory, MemberData(nameof(Sentences))]
    public void R_PL_07_names_phones_ids_and_house_numbers_are_masked_and_quantities_kept(string text, string[] gone, string[] kept)
    {
        var masked = Masking.Published(text);
        output.WriteLine(masked);
        foreach (var g in gone) Assert.DoesNotContain(g, masked, StringComparison.Ordinal);
        foreach (var k in kept.Where(k => k.Length > 0)) Assert.Contains(k, masked, StringComparison.Ordinal);
    }

    [Fact]
    public void R_PL_07_a_name_the_record_knows_is_masked_whatever_the_segmenter_thinks()
    {
        // The known name goes entirely; a name found in the text keeps its surname, as on the claim board (爱心人士林**).
        Assert.Equal("****家楼道照明改造", Masking.Published("欧阳明华家楼道照明改造", "欧阳明华"));
        Assert.Equal("居民陈**反映", Masking.Published("居民陈大文反映"));
    }

    [Fact]
    public void R_PL_07_an_implementing_body_is_a_person_only_when_it_reads_as_a_name()
    {
        Assert.True(PersonNames.IsName("张建华"));
        Assert.True(PersonNames.IsName("王秀英"));
        Assert.False(PersonNames.IsName("东莞市暖莞社会工作服务中心"));
        Assert.False(PersonNames.IsName("岗贝社区居委会"));
        Assert.False(PersonNames.IsName("凤岗镇"));
    }

    [Fact]
    public void R_PL_07_the_dictionaries_load_from_the_build_output()
    {
        // Copied from the jieba.NET package into jieba/ beside the assemblies: a fresh clone's build has them.
        Assert.True(File.Exists(Path.Combine(PersonNames.DictionaryFolder, "dict.txt")), PersonNames.DictionaryFolder);
        Assert.StartsWith(AppContext.BaseDirectory, PersonNames.DictionaryFolder, StringComparison.Ordinal);
        Assert.Equal(["刘建国"], PersonNames.Find("联系人：刘建国"));
    }
}

/// <summary>Issue 16 defect 8 (ADR 0033): phone and ID numbers in free text by one rule; the product's own numbers are not phones.</summary>
public class FreeTextNumberTests
{
    [Theory]
    [InlineData("项目MS2026-000008已公示", "MS2026-000008")]
    [InlineData("工单WO2026112300012号", "WO2026112300012")]
    [InlineData("登记表编号MS2026-000123，联系电话13800001111", "MS2026-000123")]
    public void Issue16_8_R_PL_07_project_numbers_are_not_masked_as_phones(string text, string number)
    {
        Assert.Contains(number, Masking.Numbers(text));
        Assert.Contains(number, Masking.Published(text));
    }

    [Theory]
    [InlineData("王五 13800001111 反映", "13800001111", "138****1111")]
    [InlineData("电话0769-22001234", "0769-22001234", "076****1234")]
    [InlineData("身份证441900199001011234。", "441900199001011234", "441900********1234")]
    [InlineData("身份证44190019900101123X", "44190019900101123X", "441900********123X")]
    public void Issue16_8_R_PL_07_phone_and_id_runs_in_free_text_are_masked(string text, string gone, string shown)
    {
        var masked = Masking.Numbers(text);
        Assert.DoesNotContain(gone, masked);
        Assert.Contains(shown, masked);
        Assert.DoesNotContain(gone, Masking.FreeText(text));
    }
}
