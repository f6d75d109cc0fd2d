using System.Text.Json;
using Json.Schema;

namespace Kith.Web.Tests.OpenReferral;

/// <summary>
/// The Open Referral UK 3.0 response schemas (copied into Schemas/, see its README), with format
/// validation on, so a bad uuid, uri, email or date-time fails like a missing required field.
/// </summary>
public static class OrukSchemas
{
    public const string Service = "service.json";
    public const string ServiceList = "service_list.json";
    public const string ServiceAtLocation = "service_at_location.json";
    public const string ServiceAtLocationList = "service_at_location_list.json";
    public const string Organization = "organization.json";
    public const string OrganizationList = "organization_list.json";
    public const string Taxonomy = "taxonomy.json";
    public const string TaxonomyTerm = "taxonomy_term.json";

    private static readonly Uri BaseUri = new("https://schemas.kith.test/oruk/");

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(Load);

    private static readonly EvaluationOptions Options = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.List };

    /// <summary>Fails with every error found when <paramref name="instance"/> does not match the schema.</summary>
    public static void AssertValid(string schema, JsonElement instance, string where)
    {
        var results = Schemas.Value[schema].Evaluate(instance, Options);
        if (!results.IsValid)
        {
            var errors = (results.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .Take(20);
            Assert.Fail($"{where} does not match {schema}:\n{string.Join('\n', errors)}\n{Truncate(instance.GetRawText())}");
        }
    }

    /// <summary>The schema for one item of a list endpoint, and for its /{id} endpoint.</summary>
    public static (string Item, string Detail) For(string endpoint) => endpoint switch
    {
        "services" => (ServiceList, Service),
        "service_at_locations" => (ServiceAtLocationList, ServiceAtLocation),
        "organizations" => (OrganizationList, Organization),
        "taxonomies" => (Taxonomy, Taxonomy),
        "taxonomy_terms" => (TaxonomyTerm, TaxonomyTerm),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "Not an ORUK list endpoint."),
    };

    private static Dictionary<string, JsonSchema> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "OpenReferral", "Schemas");
        var registry = new SchemaRegistry();
        // The schemas carry the data package's own keywords (name, constraints, core, ...) beside JSON Schema's.
        var dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true);
        var options = new BuildOptions { SchemaRegistry = registry, Dialect = dialect };
        var result = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);

        // taxonomy.json refers to taxonomy_term.json, so the term is built (and registered) first.
        foreach (var name in new[] { TaxonomyTerm, Taxonomy, Service, ServiceList, ServiceAtLocation, ServiceAtLocationList, Organization, OrganizationList })
        {
            var uri = new Uri(BaseUri, name);
            var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, name)), options, uri);
            registry.Register(uri, schema);
            result[name] = schema;
        }

        return result;
    }

    private static string Truncate(string text) => text.Length <= 2_000 ? text : text[..2_000] + "...";
}
