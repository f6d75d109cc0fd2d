using Kith.Core.Relationships.Surveys;
using Microsoft.Extensions.Options;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>How long identifiable people's survey ties are kept, as respondents are told (section "Relationships").</summary>
public sealed class RelationshipSurveyOptions
{
    public const string Section = "Relationships";

    /// <summary>Months a staff member's or resident representative's ties are kept; default 24.</summary>
    public int StaffTieRetentionMonths { get; set; } = 24;
}

/// <summary>Relationship survey rounds answered by emailed link, without accounts (ADR 25). The manager pages sit under the map's policy.</summary>
public static class RelationshipSurveysModule
{
    public static IServiceCollection AddKithRelationshipSurveys(this IServiceCollection services)
    {
        services.AddOptions<RelationshipSurveyOptions>()
            .BindConfiguration(RelationshipSurveyOptions.Section)
            .Validate(o => o.StaffTieRetentionMonths is >= 1 and <= 120, "Relationships:StaffTieRetentionMonths must be from 1 to 120.")
            .ValidateOnStart();
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<RelationshipSurveyOptions>>().Value);
        services.AddScoped<RelationshipSurveyService>();
        return services;
    }
}
