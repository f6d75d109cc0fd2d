using Kith.Core.Platform.Audit;

namespace Kith.Core.People;

/// <summary>One tie in a person's personal network (ecomap): to whom or what, how strong, how it feels, which way support flows.</summary>
public class NetworkTie : IAuditedRecord, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public TieTo To { get; set; }

    /// <summary>The person, group, asset or service, as the person names it ("my sister Jo", "Tuesday walkers").</summary>
    public required string Name { get; set; }

    /// <summary>What they are to the person ("sister", "neighbour", "GP practice").</summary>
    public string? Relationship { get; set; }

    /// <summary>For <see cref="TieTo.CommunityAsset"/>: the asset in the directory.</summary>
    public Guid? CommunityAssetId { get; set; }

    /// <summary>Paid or professional (formal) rather than family, friends, neighbours (informal).</summary>
    public bool IsFormal { get; set; }

    /// <summary>1 (weak) to 5 (strong).</summary>
    public int Strength { get; set; }

    public TieValence Valence { get; set; }

    public SupportDirection Direction { get; set; }

    public TieFrequency Frequency { get; set; }

    /// <summary>What this tie could help with, in words.</summary>
    public string? CouldHelpWith { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime LastModified { get; set; }

    /// <summary>The date the tie ended (moved away, died, left the group); null while current.</summary>
    public DateOnly? EndedOn { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>A dated copy of the whole network, so change over time can be seen.</summary>
public class NetworkSnapshot : IAuditedRecord, IPersonalRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public DateOnly TakenOn { get; set; }

    /// <summary>UTC.</summary>
    public DateTime TakenAt { get; set; }

    public required string TakenByName { get; set; }

    /// <summary>JSON array of the current ties at the time.</summary>
    public required string Ties { get; set; }

    public string? Note { get; set; }
}

/// <summary>Who or what a tie is to.</summary>
public enum TieTo
{
    Person,
    Group,
    CommunityAsset,
    Service,
}

/// <summary>How the tie feels to the person.</summary>
public enum TieValence
{
    Supportive,
    Neutral,
    Stressful,
    Mixed,
}

/// <summary>Which way support flows, from the person's side.</summary>
public enum SupportDirection
{
    /// <summary>The tie supports the person.</summary>
    TheyGive,

    /// <summary>The person supports the tie.</summary>
    TheyReceive,

    Both,
}

/// <summary>How often the person is in touch.</summary>
public enum TieFrequency
{
    Daily,
    Weekly,
    Monthly,
    FewTimesAYear,
    Rarely,
}
