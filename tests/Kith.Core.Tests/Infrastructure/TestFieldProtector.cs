using System.Security.Cryptography;
using System.Text;
using Kith.Core.Platform.Protection;

namespace Kith.Core.Tests.Infrastructure;

/// <summary>
/// A real AES-GCM protector with a fixed key, for database tests: protected text is really encrypted in the
/// database (tests can check the ciphertext holds no plaintext) and reads back across contexts.
/// </summary>
public sealed class TestFieldProtector : IFieldProtector
{
    public static readonly TestFieldProtector Instance = new();

    private static readonly byte[] Key = SHA256.HashData(Encoding.UTF8.GetBytes("kith test field key"));

    private TestFieldProtector()
    {
    }

    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var input = Encoding.UTF8.GetBytes(plaintext);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var output = new byte[input.Length];
        using var aes = new AesGcm(Key, tag.Length);
        aes.Encrypt(nonce, input, output, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. output]);
    }

    public string Unprotect(string protectedText)
    {
        var bytes = Convert.FromBase64String(protectedText);
        var nonce = bytes[..AesGcm.NonceByteSizes.MaxSize];
        var tag = bytes[nonce.Length..(nonce.Length + AesGcm.TagByteSizes.MaxSize)];
        var input = bytes[(nonce.Length + tag.Length)..];
        var output = new byte[input.Length];
        using var aes = new AesGcm(Key, tag.Length);
        aes.Decrypt(nonce, input, tag, output);
        return Encoding.UTF8.GetString(output);
    }
}
