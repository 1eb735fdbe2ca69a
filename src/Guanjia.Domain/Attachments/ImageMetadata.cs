using System.Buffers.Binary;

namespace Guanjia.Domain.Attachments;

/// <summary>
/// Removes what a camera writes besides the picture — EXIF (with GPS position, device and time), XMP, IPTC and
/// comments — from JPEG, PNG and WebP files (R-PL-07: a resident's photo must not give away where they live).
/// Only the container is rewritten; the pixels are copied unchanged. A file whose structure cannot be read is cut
/// where reading stopped, so nothing unread passes through.
/// </summary>
public static class ImageMetadata
{
    public static readonly IReadOnlySet<string> ImageTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/png", "image/webp",
    };

    public static byte[] Strip(string contentType, byte[] bytes) => contentType.ToLowerInvariant() switch
    {
        "image/jpeg" => StripJpeg(bytes),
        "image/png" => StripPng(bytes),
        "image/webp" => StripWebp(bytes),
        _ => bytes,
    };

    /// <summary>Drops APP1–APP15 (EXIF, XMP, IPTC, …) and COM segments; keeps APP0 (JFIF) and all image segments.</summary>
    public static byte[] StripJpeg(byte[] b)
    {
        if (b.Length < 2 || b[0] != 0xFF || b[1] != 0xD8) return b;
        using var o = new MemoryStream(b.Length);
        o.Write(b, 0, 2);
        var i = 2;
        while (i + 4 <= b.Length && b[i] == 0xFF)
        {
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            if (marker is 0xD8 or 0x01 || marker is >= 0xD0 and <= 0xD7) { o.Write(b, i, 2); i += 2; continue; } // no length
            if (marker == 0xD9) { o.Write(b, i, 2); return o.ToArray(); }
            var length = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 2));
            if (length < 2 || i + 2 + length > b.Length) break;
            if (marker == 0xDA) { o.Write(b, i, b.Length - i); return o.ToArray(); } // start of scan: the rest is picture
            var metadata = marker is >= 0xE1 and <= 0xEF || marker == 0xFE;
            if (!metadata) o.Write(b, i, 2 + length);
            i += 2 + length;
        }
        return o.ToArray();
    }

    private static readonly HashSet<string> PngMetadataChunks = ["eXIf", "tEXt", "zTXt", "iTXt", "tIME"];

    /// <summary>Drops the text, time and EXIF chunks; the rest is copied with its CRC.</summary>
    public static byte[] StripPng(byte[] b)
    {
        if (b.Length < 8 || b[0] != 0x89 || b[1] != 0x50 || b[2] != 0x4E || b[3] != 0x47) return b;
        using var o = new MemoryStream(b.Length);
        o.Write(b, 0, 8);
        var i = 8;
        while (i + 12 <= b.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(i));
            if (length > int.MaxValue || i + 12 + (long)length > b.Length) break;
            var type = System.Text.Encoding.ASCII.GetString(b, i + 4, 4);
            var total = 12 + (int)length;
            if (!PngMetadataChunks.Contains(type)) o.Write(b, i, total);
            i += total;
            if (type == "IEND") break;
        }
        return o.ToArray();
    }

    /// <summary>Drops the EXIF and XMP chunks and clears their flags in VP8X; fixes the RIFF size.</summary>
    public static byte[] StripWebp(byte[] b)
    {
        if (b.Length < 12 || System.Text.Encoding.ASCII.GetString(b, 0, 4) != "RIFF" || System.Text.Encoding.ASCII.GetString(b, 8, 4) != "WEBP")
            return b;
        using var o = new MemoryStream(b.Length);
        o.Write(b, 0, 12);
        var i = 12;
        while (i + 8 <= b.Length)
        {
            var type = System.Text.Encoding.ASCII.GetString(b, i, 4);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(i + 4));
            var padded = (long)length + (length & 1);
            if (i + 8 + padded > b.Length) break;
            var total = 8 + (int)padded;
            if (type is not ("EXIF" or "XMP "))
            {
                var start = (int)o.Position;
                o.Write(b, i, total);
                if (type == "VP8X" && length >= 1)
                {
                    var buffer = o.GetBuffer();
                    buffer[start + 8] &= unchecked((byte)~0x0C); // the EXIF (0x08) and XMP (0x04) flags
                }
            }
            i += total;
        }
        var result = o.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        return result;
    }
}
