using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace KneeReset.Web.Tests;

/// <summary>Image files built in memory for upload tests.</summary>
public static class TestImages
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A real 1 x 1 PNG: signature, IHDR, one zlib-compressed RGB pixel, IEND, with correct CRCs.</summary>
    public static byte[] OnePixelPng()
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 1);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 1);
        header[8] = 8; // bits per sample
        header[9] = 2; // RGB
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write([0, 0xE0, 0x60, 0x30]); // filter "none", then one orange pixel
        }
        return [.. PngSignature, .. Chunk("IHDR", header), .. Chunk("IDAT", pixels.ToArray()), .. Chunk("IEND", [])];
    }

    /// <summary>A file <paramref name="length"/> bytes long that starts like a PNG (the rest is zeros).</summary>
    public static byte[] PngOfLength(int length)
    {
        var bytes = new byte[length];
        OnePixelPng().AsSpan(0, 33).CopyTo(bytes);
        return bytes;
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>The CRC-32 PNG chunks carry (ISO 3309, as zip and gzip use).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
