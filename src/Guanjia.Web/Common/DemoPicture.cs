using System.Buffers.Binary;
using System.IO.Compression;

namespace Guanjia.Web.Common;

/// <summary>
/// A small drawn PNG for the demo's outcome photo (a street with a lamp at dusk), made in code so the repository
/// holds no binary and the demo's public result shows a real picture.
/// </summary>
internal static class DemoPicture
{
    public static byte[] StreetLamp(int width = 320, int height = 200)
    {
        var rows = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 3);
            rows[row] = 0; // no filter
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = Pixel(x, y, width, height);
                var at = row + 1 + x * 3;
                rows[at] = r; rows[at + 1] = g; rows[at + 2] = b;
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
        WriteChunk(png, "IHDR", ihdr);
        using (var z = new MemoryStream())
        {
            using (var zlib = new ZLibStream(z, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(rows);
            WriteChunk(png, "IDAT", z.ToArray());
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static (byte, byte, byte) Pixel(int x, int y, int w, int h)
    {
        var ground = h * 3 / 4;
        var poleX = w * 2 / 3;
        var lampY = h / 4;
        var dx = x - poleX;
        var dy = y - lampY;
        var glow = Math.Max(0, 1 - Math.Sqrt(dx * dx + dy * dy) / (h / 2.5));
        if (Math.Abs(dx) <= 2 && y > lampY && y < ground) return (60, 60, 70); // the pole
        if (Math.Abs(dx) <= 10 && Math.Abs(dy) <= 5) return (255, 236, 150); // the lamp
        if (y >= ground) // the road, lit below the lamp
            return ((byte)(90 + 80 * glow), (byte)(90 + 70 * glow), (byte)(100 + 30 * glow));
        var t = (double)y / ground; // dusk sky: blue above, orange at the horizon
        return ((byte)Math.Min(255, 40 + 200 * t + 120 * glow), (byte)Math.Min(255, 60 + 90 * t + 110 * glow), (byte)Math.Min(255, 120 - 40 * t + 40 * glow));
    }

    private static void WriteChunk(Stream s, string type, byte[] data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, head[4..]);
        s.Write(head);
        s.Write(data);
        var crc = Crc32(head[4..].ToArray().Concat(data));
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        s.Write(tail);
    }

    private static uint Crc32(IEnumerable<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
