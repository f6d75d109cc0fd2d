namespace Kith.Web.Infrastructure.Shell;

/// <summary>Who runs this copy of Kith, shown on the about and accessibility pages. Bound from the <c>Site</c> section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The organisation that runs this site, e.g. "Anytown Council"; null when not configured.</summary>
    public string? OperatorName { get; set; }

    /// <summary>Where people can report a problem, including an accessibility problem; null when not configured.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>Where Kith's source code and issue tracker live.</summary>
    public string? SourceCodeUrl { get; set; }
}
