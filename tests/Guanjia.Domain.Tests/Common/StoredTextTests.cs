using System.Xml;
using Guanjia.Domain.Common;

namespace Guanjia.Domain.Tests.Common;

/// <summary>ADR 0030: the text rule keeps what people write and removes what XML cannot carry or what reorders text.</summary>
public class StoredTextTests
{
    [Theory]
    [InlineData("新村路18号路灯坏了 😀 𠀀", "新村路18号路灯坏了 😀 𠀀")]
    [InlineData("第一行\n第二行\r\n\t缩进", "第一行\n第二行\r\n\t缩进")]
    [InlineData("预算合理\v同意\f实施", "预算合理\n同意\n实施")]
    [InlineData("a\u0000b\u0001c\u001Fd\u007Fe\u0085f", "abcdef")]
    [InlineData("a\uFFFEb\uFFFFc\uFDD0d\uFDEFe", "abcde")]
    [InlineData("GJ\u202E1234\u202C5\u2066x\u2069", "GJ12345x")]
    [InlineData("plane 1 noncharacter \U0001FFFF and \U0010FFFE", "plane 1 noncharacter  and ")]
    public void Cleans_by_the_rule(string input, string expected)
    {
        Assert.Equal(expected, StoredText.Clean(input));
        Assert.True(StoredText.IsClean(StoredText.Clean(input)));
    }

    [Fact]
    public void Unpaired_surrogates_are_removed_and_pairs_kept()
    {
        // Not as InlineData: the runner's serialisation would turn a lone surrogate into U+FFFD before the test sees it.
        Assert.Equal("lone high, lone low, pair 😀 end", StoredText.Clean("lone\uD800 high, lone\uDC00 low, pair \uD83D\uDE00 end\uD83D"));
        Assert.False(StoredText.IsClean("x\uDC00"));
    }

    [Fact]
    public void Clean_text_is_returned_as_it_is()
    {
        var text = new string("民生大莞家 😀\n".ToCharArray());
        Assert.Same(text, StoredText.Clean(text));
    }

    [Fact]
    public void Every_utf16_unit_cleans_to_text_xml_can_carry()
    {
        var all = new string(Enumerable.Range(0, 0x10000).Select(i => (char)i).ToArray());
        var clean = StoredText.Clean(all + all[..0xD800] + "\uD83D\uDE00");
        using var w = XmlWriter.Create(new StringWriter(), new XmlWriterSettings { CheckCharacters = true });
        w.WriteElementString("t", clean); // throws on a character XML 1.0 cannot carry
        Assert.True(StoredText.IsClean(clean));
    }
}
