using Kith.Core.Platform.Audit;
using Kith.Core.Platform.Protection;

namespace Kith.Core.People;

/// <summary>
/// Emergency access to the record of a person outside the user's teams, with a written reason. It lasts
/// <see cref="PersonAccessService.BreakGlassLasts"/>, is audited with every page seen, is flagged to the
/// managers of the person's teams, and the person sees it in their access log.
/// </summary>
public class BreakGlassAccess : IAuditedRecord, IPersonalRecord
{
    public const int ReasonLimit = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public required string UserId { get; set; }

    public required string UserName { get; set; }

    [ProtectedText]
    public required string Reason { get; set; }

    /// <summary>UTC.</summary>
    public DateTime GrantedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>UTC instant a manager reviewed it; null until then.</summary>
    public DateTime? ReviewedAt { get; set; }

    public string? ReviewedByName { get; set; }

    public string? ReviewNote { get; set; }
}
