using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.People;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Connections.Introductions;

/// <summary>Settings for introductions (configuration section "Introductions").</summary>
public sealed class IntroductionOptions
{
    public const string Section = "Introductions";

    /// <summary>How many days the emailed link works, from sending; 1 to 365.</summary>
    public int LinkLifetimeDays { get; set; } = 30;

    public TimeSpan LinkLifetime => TimeSpan.FromDays(LinkLifetimeDays);
}

/// <summary>What a practitioner sends: the consent and the minimum the group will see.</summary>
/// <param name="Consent">How the person agreed; null when they have not, which is refused.</param>
/// <param name="Name">The name the group should use.</param>
/// <param name="Contact">How the group can reach the person.</param>
/// <param name="Note">What the person would like the group to know, or null.</param>
public sealed record IntroduceOptions(Guid PersonId, Guid ConnectionId, IntroductionConsent? Consent, string Name, string Contact, string? Note);

/// <summary>Where a link stands.</summary>
public enum IntroductionLinkState
{
    /// <summary>No introduction has this token (or it was tampered with). Nothing else is known.</summary>
    Unknown,

    /// <summary>The link is known but past its expiry: nothing about the person is shown.</summary>
    Expired,

    /// <summary>The group can answer.</summary>
    Open,

    /// <summary>Declined or attended: the outcome is shown and nothing more can be done.</summary>
    Finished,
}

/// <summary>An introduction as the group sees it. Every field but <see cref="State"/> is empty unless the state is open or finished.</summary>
/// <param name="Version">The connection's version, for the answer buttons.</param>
/// <param name="SentAt">UTC.</param>
/// <param name="ExpiresAt">UTC.</param>
public sealed record IntroductionView(
    IntroductionLinkState State,
    Guid IntroductionId = default,
    Guid AssetId = default,
    string AssetName = "",
    string SharedName = "",
    string SharedContact = "",
    string? SharedNote = null,
    string SentByName = "",
    DateTime SentAt = default,
    DateTime ExpiresAt = default,
    ConnectionStatus Status = ConnectionStatus.Requested,
    string? StatusReason = null,
    int Version = 0)
{
    public static IntroductionView Unknown { get; } = new(IntroductionLinkState.Unknown);

    /// <summary>What the group may still say: accept and decline while requested, attended while requested or accepted.</summary>
    public IReadOnlyList<IntroductionResponse> Allowed => State != IntroductionLinkState.Open ? [] : Status switch
    {
        ConnectionStatus.Requested => [IntroductionResponse.Accept, IntroductionResponse.Decline, IntroductionResponse.Attended],
        ConnectionStatus.Accepted => [IntroductionResponse.Attended],
        _ => [],
    };
}

/// <summary>What an answer came to.</summary>
public enum RespondOutcome
{
    /// <summary>The connection moved.</summary>
    Moved,

    /// <summary>This answer had already been given (a double click): nothing changed.</summary>
    AlreadyDone,

    /// <summary>Someone else changed the introduction since it was shown: nothing changed; show it again.</summary>
    Conflict,

    /// <summary>The answer is not possible from where it stands; <see cref="RespondResult.Message"/> says why.</summary>
    Refused,

    /// <summary>The link does not work.</summary>
    Unknown,

    /// <summary>The link has expired.</summary>
    Expired,
}

/// <summary>The outcome of an answer, with the entity's message when refused.</summary>
public sealed record RespondResult(RespondOutcome Outcome, string? Message = null);

/// <summary>One introduction in a group's inbox.</summary>
/// <param name="SentAt">UTC.</param>
public sealed record InboxItem(Guid IntroductionId, Guid AssetId, string AssetName, string SharedName, string SentByName, DateTime SentAt, ConnectionStatus Status, bool Expired);

/// <summary>
/// Introductions with consent and the group's secure link (ADR 20). <see cref="IntroduceAsync"/> records the consent and what is
/// shared, moves the connection draft → requested and queues the email, all in one save. The group answers through
/// <see cref="RespondAsync"/> with the token from the email, or from its inbox with <see cref="RespondInInboxAsync"/>;
/// both move the connection from the version shown, so a double click moves it once.
/// </summary>
public sealed class IntroductionService(KithDbContext db, NotificationService notifications, PersonAccessService access, IntroductionOptions options, TimeProvider clock)
{
    /// <summary>The part named in audit events when an introduction is read.</summary>
    public const string AuditPart = "introduction";

    /// <summary>The path of the group's page; the token follows.</summary>
    public const string LinkPath = "introductions/";

    /// <summary>The outbox event key of an introduction's email: one per connection, so it is never sent twice.</summary>
    public static string EventKey(Guid connectionId) => $"introduction:{connectionId:N}";

    /// <summary>Whether the asset accepts introductions and has somewhere to send them; the reason in words when not, else null.</summary>
    public static string? WhyNot(CommunityAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (asset.IntroductionPolicy != IntroductionPolicy.AcceptsIntroductions)
        {
            return $"{asset.Name} does not take introductions: the person goes along on their own. Signpost them instead.";
        }

        return RecipientFor(asset) is null
            ? $"{asset.Name} takes introductions, but its listing has no email address to send them to. Add one to the listing, or contact the group another way."
            : null;
    }

    /// <summary>
    /// Sends the introduction: records the consent and what is shared, moves the connection draft → requested and queues
    /// the email with the link, in one transaction. Returns the introduction's id.
    /// </summary>
    /// <param name="siteRoot">The site's public address, for the link.</param>
    /// <exception cref="KeyNotFoundException">When the person has no such connection.</exception>
    /// <exception cref="IntroductionRefusedException">
    /// Without consent; when the connection is not an introduction in draft; when the asset does not take introductions or has
    /// no email; when the name or contact is empty or a field too long.
    /// </exception>
    public async Task<Guid> IntroduceAsync(IntroduceOptions introduce, Uri siteRoot, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(introduce);
        ArgumentNullException.ThrowIfNull(siteRoot);
        ArgumentNullException.ThrowIfNull(context);
        if (introduce.Consent is not { } consent || !Enum.IsDefined(consent))
        {
            throw new IntroductionRefusedException("Ask the person whether they agree to be introduced, and record how they said yes. Kith does not introduce anyone without their consent.");
        }

        var name = Clean(introduce.Name);
        var contact = Clean(introduce.Contact);
        var note = Clean(introduce.Note);
        if (name is null || name.Length > Introduction.NameLimit)
        {
            throw new IntroductionRefusedException($"Enter the name the group should use, in {Introduction.NameLimit} characters or fewer.");
        }

        if (contact is null || contact.Length > Introduction.ContactLimit)
        {
            throw new IntroductionRefusedException($"Enter how the group can contact the person, in {Introduction.ContactLimit} characters or fewer.");
        }

        if (note is { Length: > Introduction.NoteLimit })
        {
            throw new IntroductionRefusedException($"What the person would like the group to know must be {Introduction.NoteLimit} characters or fewer; it has {note.Length}.");
        }

        var connection = await db.Connections.SingleOrDefaultAsync(c => c.Id == introduce.ConnectionId && c.PersonId == introduce.PersonId, cancellationToken)
            ?? throw new KeyNotFoundException($"The person has no connection {introduce.ConnectionId}.");
        if (connection.Kind != ConnectionKind.Introduction)
        {
            throw new IntroductionRefusedException("This connection is a signpost: the person goes on their own, so the group is not contacted.");
        }

        if (connection.Status != ConnectionStatus.Draft)
        {
            throw new IntroductionRefusedException($"This connection is already {Connection.Describe(connection.Status)}, so it cannot be introduced again.");
        }

        var asset = await db.CommunityAssets.AsNoTracking().Include(a => a.Contacts).Include(a => a.Organization)
            .SingleAsync(a => a.Id == connection.CommunityAssetId, cancellationToken);
        if (WhyNot(asset) is { } why)
        {
            throw new IntroductionRefusedException(why);
        }

        var now = Now;
        var token = NewToken();
        var introduction = new Introduction
        {
            ConnectionId = connection.Id,
            PersonId = connection.PersonId,
            CommunityAssetId = asset.Id,
            Consent = consent,
            ConsentRecordedByUserId = context.UserId,
            ConsentRecordedByName = context.ActorName,
            ConsentRecordedAt = now,
            SharedName = name,
            SharedContact = contact,
            SharedNote = note,
            RecipientEmail = RecipientFor(asset)!,
            TokenHash = Hash(token),
            SentAt = now,
            ExpiresAt = now + options.LinkLifetime,
        };
        db.ConnectionTransitions.Add(connection.Introduce(context, now, $"Introduced by email; the person {Introduction.Describe(consent)}."));
        db.Introductions.Add(introduction);
        notifications.AddEmail(introduction.RecipientEmail, $"An introduction to {Shorten(asset.Name)}", EmailBody(asset.Name, context.ActorName, Link(siteRoot, token), introduction.ExpiresAt), EventKey(connection.Id));
        db.Actor = context;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same introduction was sent at the same moment (a double click): the connection's version refused this one.
            db.ChangeTracker.Clear();
            var sent = await db.Introductions.AsNoTracking().Where(i => i.ConnectionId == connection.Id).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(cancellationToken);
            return sent ?? throw new IntroductionRefusedException("The connection changed while the introduction was being sent. Open it again to see where it stands.");
        }

        return introduction.Id;
    }

    /// <summary>
    /// The introduction a link is for, as the group may see it. An unknown or malformed token gives <see cref="IntroductionView.Unknown"/>;
    /// an expired one only its state. A read of an open or finished introduction is audited as a read of the person's record by the group.
    /// </summary>
    public async Task<IntroductionView> ReadByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(token, cancellationToken);
        if (found is null)
        {
            return IntroductionView.Unknown;
        }

        var view = await ViewAsync(found, cancellationToken);
        if (view.State is IntroductionLinkState.Open or IntroductionLinkState.Finished)
        {
            await access.AddEventAsync(found.PersonId, AuditActions.Viewed, AuditPart, Introduction.ByLink(view.AssetName), cancellationToken);
        }

        return view;
    }

    /// <summary>The group's answer through its link, from the connection version it was shown.</summary>
    /// <param name="reason">Required to decline.</param>
    public async Task<RespondResult> RespondAsync(string? token, IntroductionResponse response, string? reason, int basedOnVersion, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(token, cancellationToken);
        if (found is null)
        {
            return new RespondResult(RespondOutcome.Unknown);
        }

        var assetName = await db.CommunityAssets.Where(a => a.Id == found.CommunityAssetId).Select(a => a.Name).SingleAsync(cancellationToken);
        return await RespondToAsync(found.Id, response, reason, basedOnVersion, Introduction.ByLink(assetName), checkExpiry: true, cancellationToken);
    }

    /// <summary>
    /// The group's answer from its inbox, as the signed-in editor. The caller checks the introduction is to an asset in the editor's scope.
    /// </summary>
    public async Task<RespondResult> RespondInInboxAsync(Guid introductionId, IntroductionResponse response, string? reason, int basedOnVersion, ProcessContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Introductions.AnyAsync(i => i.Id == introductionId, cancellationToken))
        {
            return new RespondResult(RespondOutcome.Unknown);
        }

        return await RespondToAsync(introductionId, response, reason, basedOnVersion, context, checkExpiry: false, cancellationToken);
    }

    /// <summary>One introduction by id, for the inbox (the caller checks scope); audited as a read by <paramref name="context"/>. Expiry does not apply in the inbox.</summary>
    public async Task<IntroductionView?> ReadInInboxAsync(Guid introductionId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var found = await db.Introductions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == introductionId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var view = await ViewAsync(found, cancellationToken, ignoreExpiry: true);
        await access.AddEventAsync(found.PersonId, AuditActions.Viewed, AuditPart, context, cancellationToken);
        return view;
    }

    /// <summary>The introductions to assets run by <paramref name="organizationIds"/>, newest first. Lists only names and states: no read is audited.</summary>
    public async Task<IReadOnlyList<InboxItem>> InboxAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organizationIds);
        var now = Now;
        var rows = await db.Introductions.AsNoTracking()
            .Join(db.CommunityAssets, i => i.CommunityAssetId, a => a.Id, (i, a) => new { i, a })
            .Where(x => organizationIds.Contains(x.a.OrganizationId))
            .Join(db.Connections, x => x.i.ConnectionId, c => c.Id, (x, c) => new { x.i, x.a, c.Status })
            .OrderByDescending(x => x.i.SentAt)
            .Take(500)
            .Select(x => new { x.i.Id, AssetId = x.a.Id, AssetName = x.a.Name, x.i.SharedName, x.i.ConsentRecordedByName, x.i.SentAt, x.Status, x.i.ExpiresAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new InboxItem(r.Id, r.AssetId, r.AssetName, r.SharedName, r.ConsentRecordedByName, r.SentAt, r.Status, r.ExpiresAt <= now)).ToList();
    }

    /// <summary>The organisation running the asset an introduction is to, or null when there is no such introduction.</summary>
    public Task<Guid?> OrganizationOfAsync(Guid introductionId, CancellationToken cancellationToken = default) =>
        db.Introductions.Where(i => i.Id == introductionId)
            .Join(db.CommunityAssets, i => i.CommunityAssetId, a => a.Id, (i, a) => (Guid?)a.OrganizationId)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The lower-case hex SHA-256 of a token, as stored.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<RespondResult> RespondToAsync(Guid introductionId, IntroductionResponse response, string? reason, int basedOnVersion, ProcessContext by, bool checkExpiry, CancellationToken cancellationToken)
    {
        var introduction = await db.Introductions.SingleAsync(i => i.Id == introductionId, cancellationToken);
        var connection = await db.Connections.SingleAsync(c => c.Id == introduction.ConnectionId, cancellationToken);
        var now = Now;
        if (checkExpiry && introduction.ExpiresAt <= now)
        {
            return new RespondResult(RespondOutcome.Expired);
        }

        var target = response switch
        {
            IntroductionResponse.Accept => ConnectionStatus.Accepted,
            IntroductionResponse.Decline => ConnectionStatus.Rejected,
            _ => ConnectionStatus.InProgress,
        };
        if (connection.Status == target)
        {
            return new RespondResult(RespondOutcome.AlreadyDone);
        }

        try
        {
            var moves = new List<ConnectionTransition>();
            if (response == IntroductionResponse.Attended && connection.Status == ConnectionStatus.Requested)
            {
                moves.Add(connection.Accept(by, now, "The person came along before the group answered."));
            }

            moves.Add(connection.MoveTo(target, by, now, response == IntroductionResponse.Decline ? reason : null));
            if (connection.Version - moves.Count != basedOnVersion)
            {
                // Legal from where it stands now, but not from what was shown: show it again.
                db.ChangeTracker.Clear();
                return new RespondResult(RespondOutcome.Conflict);
            }

            db.ConnectionTransitions.AddRange(moves);
        }
        catch (ConnectionTransitionException refused)
        {
            db.ChangeTracker.Clear();
            return new RespondResult(RespondOutcome.Refused, refused.Message);
        }

        introduction.FirstResponse ??= response;
        introduction.FirstRespondedAt ??= now;
        if (response is IntroductionResponse.Decline or IntroductionResponse.Attended)
        {
            introduction.ClosedAt = now;
        }

        db.Actor = by;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another click saved first: the version token or the transition's unique sequence refused this one.
            db.ChangeTracker.Clear();
            var status = await db.Connections.AsNoTracking().Where(c => c.Id == introduction.ConnectionId).Select(c => c.Status).SingleAsync(cancellationToken);
            return new RespondResult(status == target ? RespondOutcome.AlreadyDone : RespondOutcome.Conflict);
        }

        return new RespondResult(RespondOutcome.Moved);
    }

    private async Task<Introduction?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        // Found by the hash through a unique index: the comparison never runs over the secret itself, so timing reveals nothing of it.
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token.Trim());
        return await db.Introductions.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }

    private async Task<IntroductionView> ViewAsync(Introduction found, CancellationToken cancellationToken, bool ignoreExpiry = false)
    {
        var connection = await db.Connections.AsNoTracking().Where(c => c.Id == found.ConnectionId).Select(c => new { c.Status, c.StatusReason, c.Version }).SingleAsync(cancellationToken);
        var assetName = await db.CommunityAssets.AsNoTracking().Where(a => a.Id == found.CommunityAssetId).Select(a => a.Name).SingleAsync(cancellationToken);
        if (!ignoreExpiry && found.ExpiresAt <= Now)
        {
            return new IntroductionView(IntroductionLinkState.Expired, AssetName: assetName);
        }

        var finished = found.ClosedAt is not null || connection.Status is not (ConnectionStatus.Requested or ConnectionStatus.Accepted);
        return new IntroductionView(
            finished ? IntroductionLinkState.Finished : IntroductionLinkState.Open,
            found.Id, found.CommunityAssetId, assetName, found.SharedName, found.SharedContact, found.SharedNote, found.ConsentRecordedByName,
            found.SentAt, found.ExpiresAt, connection.Status, connection.StatusReason, connection.Version);
    }

    private static string? RecipientFor(CommunityAsset asset) =>
        new[] { asset.Email }.Concat(asset.Contacts.Select(c => c.Email)).Append(asset.Organization?.Email)
            .Select(Clean).FirstOrDefault(e => e is not null && e.Contains('@', StringComparison.Ordinal));

    /// <summary>A new link secret: 32 random bytes, base64url (43 characters). Only its <see cref="Hash"/> is stored (ADR 20; the relationship survey reuses it, ADR 25).</summary>
    internal static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Uri Link(Uri siteRoot, string token)
    {
        var root = siteRoot.AbsoluteUri.EndsWith('/') ? siteRoot.AbsoluteUri : siteRoot.AbsoluteUri + "/";
        return new Uri(new Uri(root), LinkPath + token);
    }

    private static string EmailBody(string assetName, string practitionerName, Uri link, DateTime expiresAt) => string.Create(CultureInfo.InvariantCulture, $"""
        Hello,

        {practitionerName} would like to introduce someone to {assetName}. The person has agreed to be introduced.

        To see who they are, how to contact them and what they would like you to know, open this link:

        {link.AbsoluteUri}

        On that page you can say whether you can welcome them, and later that they came along. You do not need an account.

        The link works until {expiresAt:d MMMM yyyy} and only for this introduction. Please do not forward this email: anyone with the link can see the introduction.

        Kith
        """);

    private static string Shorten(string text) => text.Length <= 150 ? text : text[..150];

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
