namespace Kith.Core.Platform.Audit;

/// <summary>Who is acting and why: carried into every service call so the audit trail writes itself.</summary>
/// <param name="UserId">The account acting, or null for the system.</param>
/// <param name="ActorName">How the actor is named in the audit trail.</param>
/// <param name="Reason">Why, where the person gave a reason.</param>
public sealed record ProcessContext(string? UserId, string ActorName, string? Reason = null)
{
    /// <summary>The system itself: seeding, imports and background jobs.</summary>
    public static ProcessContext System(string what) => new(null, $"system ({what})");

    public ProcessContext WithReason(string? reason) => this with { Reason = reason };
}
