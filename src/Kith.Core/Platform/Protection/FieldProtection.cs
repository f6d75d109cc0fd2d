using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kith.Core.Platform.Protection;

/// <summary>
/// Encrypts sensitive free text before it reaches the database and decrypts it on the way out. The web host
/// implements it with the ASP.NET Core Data Protection key ring, which can live outside the database.
/// </summary>
public interface IFieldProtector
{
    /// <summary>Returns ciphertext safe to store as text.</summary>
    string Protect(string plaintext);

    /// <summary>Reverses <see cref="Protect"/>.</summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">The key that protected the text is gone or the text was altered.</exception>
    string Unprotect(string protectedText);
}

/// <summary>
/// Marks a string property holding sensitive free text (conversation notes, concerns, About Me): it is stored
/// encrypted with the context's <see cref="IFieldProtector"/> and never written in clear to the audit trail.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ProtectedTextAttribute : Attribute;

/// <summary>
/// The protector a context gets when none is configured: any attempt to store or read protected text fails,
/// so sensitive text is never silently written in clear.
/// </summary>
public sealed class UnconfiguredFieldProtector : IFieldProtector
{
    public static readonly UnconfiguredFieldProtector Instance = new();

    private UnconfiguredFieldProtector()
    {
    }

    public string Protect(string plaintext) => throw Missing();

    public string Unprotect(string protectedText) => throw Missing();

    private static InvalidOperationException Missing() =>
        new("This record holds protected text, but the database context has no IFieldProtector. Register one (the web host uses Data Protection).");
}

/// <summary>Converts a protected string property to and from its ciphertext.</summary>
internal sealed class ProtectedTextConverter(IFieldProtector protector) : ValueConverter<string, string>(
    plaintext => protector.Protect(plaintext),
    ciphertext => protector.Unprotect(ciphertext));
