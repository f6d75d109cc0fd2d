using Kith.Core.Platform.Audit;

namespace Kith.Core.Platform.Teams;

/// <summary>
/// A team of staff (link workers, a neighbourhood team). People are worked with by teams: a practitioner sees
/// the people of the teams they belong to, and a team's managers review break-glass access to anyone else.
/// </summary>
public class Team : IAuditedRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC instant the team was closed; its people keep their other teams.</summary>
    public DateTime? ArchivedAt { get; set; }

    public List<TeamMember> Members { get; set; } = [];
}

/// <summary>An account's place in a team.</summary>
public class TeamMember : IAuditedRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TeamId { get; set; }

    /// <summary>The <see cref="Accounts.KithUser"/> id.</summary>
    public required string UserId { get; set; }

    /// <summary>Managers are told about break-glass access to people outside the team and review it.</summary>
    public bool IsManager { get; set; }

    /// <summary>UTC.</summary>
    public DateTime AddedAt { get; set; }
}
