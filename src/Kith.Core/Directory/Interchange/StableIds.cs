using System.Security.Cryptography;
using System.Text;

namespace Kith.Core.Directory.Interchange;

/// <summary>Ids made from names (RFC 4122 version 5 style), so the same source row gets the same Kith id on every run.</summary>
internal static class StableIds
{
    public static Guid From(params string[] parts)
    {
        var bytes = SHA1.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        var id = bytes.AsSpan(0, 16).ToArray();
        id[6] = (byte)((id[6] & 0x0F) | 0x50);
        id[8] = (byte)((id[8] & 0x3F) | 0x80);
        return new Guid(id, bigEndian: true);
    }

    public static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}
