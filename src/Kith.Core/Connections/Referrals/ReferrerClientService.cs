using System.Security.Cryptography;
using System.Text;
using Kith.Core.Data;
using Kith.Core.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Connections.Referrals;

/// <summary>A referrer client as administrators see it.</summary>
public sealed record ReferrerClientSummary(Guid Id, string Name, string ClientKey, Guid TeamId, string TeamName, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>A client just issued, with its secret: shown once, then only its hash is kept.</summary>
public sealed record IssuedClient(Guid Id, string ClientKey, string Secret);

/// <summary>An access token just issued.</summary>
/// <param name="ExpiresIn">Lifetime from now.</param>
public sealed record IssuedToken(string AccessToken, TimeSpan ExpiresIn);

/// <summary>The client a valid bearer token belongs to.</summary>
public sealed record AuthenticatedClient(Guid Id, string Name);

/// <summary>
/// OAuth2 client credentials for referrers (docs/adr/0021-fhir-referrals-and-tasks.md). Secrets and tokens are
/// 32 random bytes each, handed out once and stored only as their SHA-256: a stolen database holds nothing that
/// signs in. Tokens last <see cref="TokenLifetime"/>; revoking a client stops its tokens at once.
/// </summary>
public sealed class ReferrerClientService(KithDbContext db, TimeProvider clock)
{
    /// <summary>How long an access token works.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(30);

    /// <summary>Longest client name accepted.</summary>
    public const int NameLimit = 200;

    /// <summary>Issues a client for <paramref name="name"/>; new records it makes are worked with by <paramref name="teamId"/>.</summary>
    /// <exception cref="ArgumentException">When the name is empty or too long, or the team does not exist.</exception>
    public async Task<IssuedClient> IssueAsync(string name, Guid teamId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clean = name?.Trim();
        if (string.IsNullOrEmpty(clean) || clean.Length > NameLimit)
        {
            throw new ArgumentException($"Enter a name of 1 to {NameLimit} characters.", nameof(name));
        }

        if (!await db.Teams.AnyAsync(t => t.Id == teamId && t.ArchivedAt == null, cancellationToken))
        {
            throw new ArgumentException("Select the team that will work with the people referred.", nameof(teamId));
        }

        var secret = RandomText();
        var client = new ReferrerClient
        {
            Name = clean,
            ClientKey = "kith-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            SecretHash = Hash(secret),
            TeamId = teamId,
            CreatedAt = Now,
            CreatedByName = context.ActorName,
        };
        db.Actor = context;
        db.ReferrerClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedClient(client.Id, client.ClientKey, secret);
    }

    /// <summary>Every client, newest first.</summary>
    public async Task<IReadOnlyList<ReferrerClientSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.ReferrerClients.AsNoTracking()
            .Join(db.Teams, c => c.TeamId, t => t.Id, (c, t) => new ReferrerClientSummary(c.Id, c.Name, c.ClientKey, c.TeamId, t.Name, c.CreatedAt, c.RevokedAt))
            .ToListAsync(cancellationToken))
        .OrderByDescending(c => c.CreatedAt).ToList();

    /// <summary>Revokes a client and its tokens. False when there is no such client or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(Guid id, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = await db.ReferrerClients.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null || client.RevokedAt is not null)
        {
            return false;
        }

        client.RevokedAt = Now;
        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
        await db.ReferrerTokens.Where(t => t.ClientId == id).ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    /// <summary>Issues a token for a client's credentials; null when they are wrong or the client is revoked (the caller cannot tell which).</summary>
    public async Task<IssuedToken?> IssueTokenAsync(string clientKey, string secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(clientKey) || string.IsNullOrEmpty(secret) || clientKey.Length > 64 || secret.Length > 200)
        {
            return null;
        }

        var client = await db.ReferrerClients.AsNoTracking()
            .Where(c => c.ClientKey == clientKey && c.RevokedAt == null)
            .Select(c => new { c.Id, c.SecretHash })
            .SingleOrDefaultAsync(cancellationToken);
        var presented = Encoding.ASCII.GetBytes(Hash(secret));
        var expected = Encoding.ASCII.GetBytes(client?.SecretHash ?? new string('0', 64));
        if (!CryptographicOperations.FixedTimeEquals(presented, expected) || client is null)
        {
            return null;
        }

        var now = Now;
        var token = RandomText();
        db.ReferrerTokens.Add(new ReferrerToken { ClientId = client.Id, TokenHash = Hash(token), IssuedAt = now, ExpiresAt = now + TokenLifetime });

        // Expired tokens are of no use to anyone: tidy this client's away as it signs in again.
        await db.ReferrerTokens.Where(t => t.ClientId == client.Id && t.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(token, TokenLifetime);
    }

    /// <summary>The client a bearer token belongs to; null when the token is unknown, expired or its client revoked.</summary>
    public async Task<AuthenticatedClient?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }

        var hash = Hash(token);
        var now = Now;
        return await db.ReferrerTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.ExpiresAt > now)
            .Join(db.ReferrerClients.Where(c => c.RevokedAt == null), t => t.ClientId, c => c.Id, (t, c) => new AuthenticatedClient(c.Id, c.Name))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string RandomText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
