using System.Text.Json;
using Kith.Core.Data;
using Kith.Core.Platform.Accounts;
using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kith.Core.Directory.Stewardship;

/// <summary>What someone claiming an organisation's listings tells us.</summary>
public sealed record ClaimRequest(Guid OrganizationId, string Name, string Email, string Role, string Evidence);

/// <summary>What happened to a submitted claim.</summary>
public enum ClaimSubmitResult
{
    Submitted,

    /// <summary>The same email already has a claim waiting for this organisation; nothing new was saved.</summary>
    AlreadyPending,

    NoSuchOrganisation,
}

/// <summary>A claim in the administrators' queue, without the claimant's personal data.</summary>
/// <param name="CreatedAt">UTC.</param>
public sealed record ClaimSummary(Guid Id, Guid OrganizationId, string OrganizationName, bool OrganizationAlreadyClaimed, DateTime CreatedAt);

/// <summary>The pending claims, oldest first, and how many claims are in each state.</summary>
public sealed record ClaimQueue(IReadOnlyList<ClaimSummary> Pending, int PendingCount, int ApprovedCount, int DeniedCount);

/// <summary>The result of deciding a claim: success, or the reasons in plain words.</summary>
public sealed record ClaimDecision(bool Succeeded, IReadOnlyList<string> Errors, bool AccountCreated = false)
{
    public static ClaimDecision Failed(params string[] errors) => new(false, errors);
}

/// <summary>
/// Claims on organisations' listings: anyone submits one; an administrator approves it (the claimant
/// gets, or is matched to, an account with <see cref="KithRoles.CommunityEditor"/>, and the organisation
/// is marked claimed) or denies it with a reason. Emails go through the outbox in the same transaction
/// as the decision. Reads of a claim's personal data are audited. Scoped.
/// </summary>
public sealed class ClaimService(KithDbContext db, UserManager<KithUser> users, AccountService accounts, NotificationService notifications, TimeProvider clock)
{
    /// <summary>Denied claims' personal data is erased this long after the decision.</summary>
    public static readonly TimeSpan KeepDeniedFor = TimeSpan.FromDays(90);

    private const string Erased = "(erased)";

    /// <summary>Saves a new pending claim, unless the same email already has one waiting for the organisation.</summary>
    public async Task<ClaimSubmitResult> SubmitAsync(ClaimRequest request, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!await db.Organizations.AnyAsync(o => o.Id == request.OrganizationId, cancellationToken))
        {
            return ClaimSubmitResult.NoSuchOrganisation;
        }

        // The email is encrypted, so compare it here; an organisation has few pending claims.
        var email = request.Email.Trim();
        var pendingEmails = await db.Set<ListingClaim>().AsNoTracking()
            .Where(c => c.OrganizationId == request.OrganizationId && c.Status == ClaimStatus.Pending)
            .Select(c => c.ClaimantEmail).ToListAsync(cancellationToken);
        if (pendingEmails.Contains(email, StringComparer.OrdinalIgnoreCase))
        {
            return ClaimSubmitResult.AlreadyPending;
        }

        db.Set<ListingClaim>().Add(new ListingClaim
        {
            OrganizationId = request.OrganizationId,
            ClaimantName = request.Name.Trim(),
            ClaimantEmail = email,
            ClaimantRole = request.Role.Trim(),
            Evidence = request.Evidence.Trim(),
            Status = ClaimStatus.Pending,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
        return ClaimSubmitResult.Submitted;
    }

    /// <summary>The queue for administrators: pending claims oldest first, with counts.</summary>
    public async Task<ClaimQueue> GetQueueAsync(CancellationToken cancellationToken = default)
    {
        var claims = db.Set<ListingClaim>().AsNoTracking();
        var counts = await claims.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var pending = await claims.Where(c => c.Status == ClaimStatus.Pending)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new ClaimSummary(c.Id, c.OrganizationId, c.Organization!.Name, c.Organization.ClaimedAt != null, c.CreatedAt))
            .ToListAsync(cancellationToken);
        int Count(ClaimStatus status) => counts.SingleOrDefault(c => c.Key == status)?.Count ?? 0;
        return new ClaimQueue(pending, Count(ClaimStatus.Pending), Count(ClaimStatus.Approved), Count(ClaimStatus.Denied));
    }

    /// <summary>One claim with its organisation, for an administrator; the read is written to the audit trail.</summary>
    /// <returns>The claim, or null when there is none with this id.</returns>
    public async Task<ListingClaim?> ReadAsync(Guid id, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var claim = await db.Set<ListingClaim>().AsNoTracking().Include(c => c.Organization).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return null;
        }

        StewardshipAudit.AddViewed(db, context, nameof(ListingClaim), id, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return claim;
    }

    /// <summary>
    /// Approves a pending claim: gives the claimant's account (made now if there is none, with an emailed
    /// link to <paramref name="setPasswordPage"/> through <see cref="AccountService.InviteUserAsync"/>) the
    /// <see cref="KithRoles.CommunityEditor"/> role, marks the organisation claimed and emails the claimant.
    /// All in one transaction.
    /// </summary>
    /// <param name="signInPage">Absolute address of the sign-in page, for the approval email.</param>
    public async Task<ClaimDecision> ApproveAsync(Guid id, Uri setPasswordPage, Uri signInPage, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setPasswordPage);
        ArgumentNullException.ThrowIfNull(signInPage);
        ArgumentNullException.ThrowIfNull(context);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claim = await db.Set<ListingClaim>().Include(c => c.Organization).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return ClaimDecision.Failed("There is no such claim.");
        }

        if (claim.Status != ClaimStatus.Pending)
        {
            return ClaimDecision.Failed("This claim has already been decided.");
        }

        db.Actor = context;
        var user = await users.FindByEmailAsync(claim.ClaimantEmail);
        var created = false;
        if (user is null)
        {
            var outcome = await accounts.InviteUserAsync(claim.ClaimantEmail, claim.ClaimantName, KithRoles.CommunityEditor, setPasswordPage, context, cancellationToken);
            if (!outcome.Succeeded)
            {
                db.ChangeTracker.Clear();
                return new ClaimDecision(false, outcome.Errors);
            }

            user = await users.FindByIdAsync(outcome.UserId!) ?? throw new InvalidOperationException("The new account could not be read back.");
            created = true;
        }
        else if (!await users.IsInRoleAsync(user, KithRoles.CommunityEditor))
        {
            await accounts.EnsureRolesAsync();
            var added = await users.AddToRoleAsync(user, KithRoles.CommunityEditor);
            if (!added.Succeeded)
            {
                db.ChangeTracker.Clear();
                return new ClaimDecision(false, added.Errors.Select(e => e.Description).ToList());
            }

            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAt = clock.GetUtcNow().UtcDateTime,
                UserId = context.UserId,
                ActorName = context.ActorName,
                Action = AuditActions.Updated,
                EntityType = nameof(KithUser),
                EntityId = user.Id,
                Changes = JsonSerializer.Serialize(new { roles = new { added = KithRoles.CommunityEditor } }),
                Reason = $"Approved claim on the listings of {claim.Organization!.Name}",
            });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organization = claim.Organization!;
        organization.ClaimedAt = now;
        organization.ClaimedByUserId = user.Id;
        organization.LastModified = now;
        claim.Status = ClaimStatus.Approved;
        claim.DecidedAt = now;
        claim.DecidedByUserId = context.UserId;
        claim.DecidedByName = context.ActorName;
        claim.ClaimantUserId = user.Id;
        var passwordNote = created
            ? "We have sent you a separate email with a link to choose your password. Use it first, then sign in."
            : "Sign in with your existing Kith account.";
        notifications.AddEmail(claim.ClaimantEmail, $"Your claim on {Shorten(organization.Name)} is approved", $"""
            Hello {claim.ClaimantName},

            Thank you for claiming the listings of {organization.Name} on Kith. We have checked your claim and approved it.

            You can now keep the organisation's listings up to date yourself. {passwordNote}

            Sign in here: {signInPage.AbsoluteUri}

            Your listings now show that they are looked after by the organisation.
            """);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ClaimDecision(true, [], created);
    }

    /// <summary>Denies a pending claim with a reason, which is emailed to the claimant.</summary>
    public async Task<ClaimDecision> DenyAsync(Guid id, string reason, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(context);
        var claim = await db.Set<ListingClaim>().Include(c => c.Organization).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return ClaimDecision.Failed("There is no such claim.");
        }

        if (claim.Status != ClaimStatus.Pending)
        {
            return ClaimDecision.Failed("This claim has already been decided.");
        }

        claim.Status = ClaimStatus.Denied;
        claim.DecidedAt = clock.GetUtcNow().UtcDateTime;
        claim.DecidedByUserId = context.UserId;
        claim.DecidedByName = context.ActorName;
        claim.Reason = reason.Trim();
        notifications.AddEmail(claim.ClaimantEmail, $"Your claim on {Shorten(claim.Organization!.Name)}", $"""
            Hello {claim.ClaimantName},

            Thank you for claiming the listings of {claim.Organization.Name} on Kith. We could not approve your claim, for this reason:

            {claim.Reason}

            If you think this is wrong, you can make a new claim from any of the organisation's listings, telling us how we can check it.
            """);
        db.Actor = context;
        await db.SaveChangesAsync(cancellationToken);
        return new ClaimDecision(true, []);
    }

    /// <summary>Erases the personal data of claims denied more than <see cref="KeepDeniedFor"/> ago.</summary>
    /// <returns>How many claims were erased.</returns>
    public async Task<int> EraseOldDeniedClaimsAsync(CancellationToken cancellationToken = default)
    {
        var before = clock.GetUtcNow().UtcDateTime - KeepDeniedFor;
        var claims = await db.Set<ListingClaim>()
            .Where(c => c.Status == ClaimStatus.Denied && c.DecidedAt < before && c.ErasedAt == null)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var claim in claims)
        {
            claim.ErasedAt = now;
            claim.ClaimantName = Erased;
            claim.ClaimantEmail = Erased;
            claim.ClaimantRole = Erased;
            claim.Evidence = Erased;
            claim.Reason = null;
        }

        db.Actor = ProcessContext.System("retention of denied claims");
        await db.SaveChangesAsync(cancellationToken);
        return claims.Count;
    }

    /// <summary>An organisation's name short enough for an email subject.</summary>
    internal static string Shorten(string name) => name.Length <= 120 ? name : name[..117] + "...";
}
