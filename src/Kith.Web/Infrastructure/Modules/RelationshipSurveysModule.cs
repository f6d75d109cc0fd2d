using Kith.Core.Relationships.Surveys;

namespace Kith.Web.Infrastructure.Modules;

/// <summary>
/// Relationship survey rounds answered by emailed link, without accounts (ADR 25). The manager pages sit under the map's
/// policy; the retention respondents are told of is <see cref="RelationshipMapOptions.StaffTieRetentionMonths"/>, the
/// one the retention sweep uses.
/// </summary>
public static class RelationshipSurveysModule
{
    public static IServiceCollection AddKithRelationshipSurveys(this IServiceCollection services)
    {
        services.AddScoped<RelationshipSurveyService>();
        return services;
    }
}
