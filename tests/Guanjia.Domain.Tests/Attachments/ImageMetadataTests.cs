using System.Buffers.Binary;
using System.Text;
using Guanjia.Domain.Attachments;

namespace Guanjia.Domain.Tests.Attachments;

/// <summary>R-PL-07: photos lose what the camera wrote besides the picture; the picture itself is untouched.</summary>
public class ImageMetadataTests
{
    private static byte[] Segment(byte marker, byte[] data) =>
        [0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2), .. data];

    [Fact]
    public void R_PL_07_jpeg_loses_exif_xmp_and_comments_but_keeps_jfif_tables_and_scan()
    {
        byte[] jfif = Segment(0xE0, "JFIF\0\u0001\u0001\0\0\u0001\0\u0001\0\0"u8.ToArray());
        byte[] exif = Segment(0xE1, "Exif\0\0GPS 22.97N 113.75E"u8.ToArray());
        byte[] xmp = Segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>"u8.ToArray());
        byte[] iptc = Segment(0xED, "Photoshop 3.0\0owner"u8.ToArray());
        byte[] comment = Segment(0xFE, "taken at home"u8.ToArray());
        byte[] dqt = Segment(0xDB, new byte[65]);
        byte[] scan = [0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0xAB, 0xFF, 0x00, 0xE1, 0xFF, 0xD9]; // an 0xFFE1 inside the scan stays
        byte[] file = [0xFF, 0xD8, .. jfif, .. exif, .. xmp, .. dqt, .. iptc, .. comment, .. scan];

        var stripped = ImageMetadata.Strip("image/jpeg", file);

        Assert.Equal([0xFF, 0xD8, .. jfif, .. dqt, .. scan], stripped);
    }

    [Fact]
    public void R_PL_07_a_truncated_jpeg_is_cut_where_reading_stopped()
    {
        byte[] file = [0xFF, 0xD8, 0xFF, 0xE1, 0x10, 0x00, .. "Exif\0\0GPS"u8.ToArray()]; // says 4 KB, has 9 bytes
        Assert.Equal([0xFF, 0xD8], ImageMetadata.Strip("image/jpeg", file));
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var c = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(c, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(c, 4);
        data.CopyTo(c, 8);
        return c; // the CRC is copied as is, so its value does not matter here
    }

    [Fact]
    public void R_PL_07_png_loses_text_time_and_exif_chunks()
    {
        byte[] sig = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        var ihdr = Chunk("IHDR", new byte[13]);
        var idat = Chunk("IDAT", [1, 2, 3, 4]);
        var end = Chunk("IEND", []);
        byte[] file = [.. sig, .. ihdr, .. Chunk("tEXt", "Author\0Huang"u8.ToArray()), .. Chunk("eXIf", "MM\0*GPS"u8.ToArray()), .. idat,
            .. Chunk("iTXt", "XML:com.adobe.xmp\0"u8.ToArray()), .. Chunk("tIME", new byte[7]), .. end];

        Assert.Equal([.. sig, .. ihdr, .. idat, .. end], ImageMetadata.Strip("image/png", file));
    }

    private static byte[] RiffChunk(string type, byte[] data)
    {
        var c = new byte[8 + data.Length + (data.Length & 1)];
        Encoding.ASCII.GetBytes(type).CopyTo(c, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(4), (uint)data.Length);
        data.CopyTo(c, 8);
        return c;
    }

    private static byte[] Riff(params byte[][] chunks)
    {
        byte[] body = [.. "WEBP"u8.ToArray(), .. chunks.SelectMany(x => x)];
        var head = new byte[8];
        "RIFF"u8.CopyTo(head);
        BinaryPrimitives.WriteUInt32LittleEndian(head.AsSpan(4), (uint)body.Length);
        return [.. head, .. body];
    }

    [Fact]
    public void R_PL_07_webp_loses_exif_and_xmp_chunks_and_their_flags()
    {
        byte[] flags = [0x2C, 0, 0, 0, 9, 0, 0, 9, 0, 0]; // alpha (0x10) + EXIF (0x08) + XMP (0x04), 10x10
        var vp8 = RiffChunk("VP8L", [0x2F, 1, 2, 3, 4]); // odd length: padded
        var file = Riff(RiffChunk("VP8X", flags), vp8, RiffChunk("EXIF", "MM\0*GPS"u8.ToArray()), RiffChunk("XMP ", "<x:xmpmeta/>"u8.ToArray()));

        var stripped = ImageMetadata.Strip("image/webp", file);

        byte[] cleared = [0x20, 0, 0, 0, 9, 0, 0, 9, 0, 0];
        Assert.Equal(Riff(RiffChunk("VP8X", cleared), vp8), stripped);
    }

    [Fact]
    public void Other_files_are_left_alone()
    {
        var pdf = "%PDF-1.4\n"u8.ToArray();
        Assert.Same(pdf, ImageMetadata.Strip("application/pdf", pdf));
    }
}
