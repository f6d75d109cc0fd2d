using Kith.Core.Data;
using Kith.Core.Directory;
using Kith.Core.Directory.OpenReferral;
using Kith.Core.Directory.Search;
using Kith.Core.Platform.Postcodes;
using Microsoft.EntityFrameworkCore;

namespace Kith.Web.OpenReferral;

/// <summary>
/// The Open Referral UK 3.0 read API under <c>/oruk</c>: open GET, no sign-in, <c>Access-Control-Allow-Origin: *</c>
/// on every response. Follows the UK profile's OpenAPI document, which is served at <c>/oruk/openapi.json</c>.
/// </summary>
public static class OrukApi
{
    public const string BasePath = "/oruk";

    /// <summary>How many records an ndjson stream reads from the database at a time.</summary>
    private const int StreamBatchSize = 500;

    private const string OpenApiResource = "Kith.Web.OpenReferral.openapi30.json";

    public static RouteGroupBuilder MapOrukApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(BasePath).WithTags("Open Referral UK").ExcludeFromDescription();
        group.AddEndpointFilter(async (context, next) =>
        {
            OrukResponses.AllowAnyOrigin(context.HttpContext.Response);
            return await next(context);
        });

        group.MapGet("/", Root);
        group.MapGet("/openapi.json", OpenApiAsync);
        group.MapGet("/services", ListServicesAsync);
        group.MapGet("/services/{id}", GetServiceAsync);
        group.MapGet("/service_at_locations", ListServiceAtLocationsAsync);
        group.MapGet("/service_at_locations/{id}", GetServiceAtLocationAsync);
        group.MapGet("/organizations", ListOrganizationsAsync);
        group.MapGet("/organizations/{id}", GetOrganizationAsync);
        group.MapGet("/taxonomies", ListTaxonomiesAsync);
        group.MapGet("/taxonomies/{id}", GetTaxonomyAsync);
        group.MapGet("/taxonomy_terms", ListTaxonomyTermsAsync);
        group.MapGet("/taxonomy_terms/{id}", GetTaxonomyTermAsync);
        group.MapGet("/{**rest}", (string? rest) => TypedResults.Problem(
            title: "No such endpoint",
            detail: $"The Open Referral API has no '/{rest}'. It serves /services, /service_at_locations, /organizations, /taxonomies and /taxonomy_terms under {BasePath}; see {BasePath}/openapi.json.",
            statusCode: StatusCodes.Status404NotFound));
        group.MapMethods("/{**rest}", [HttpMethods.Options], (HttpResponse response) =>
        {
            response.Headers.AccessControlAllowMethods = "GET, OPTIONS";
            response.Headers.AccessControlAllowHeaders = "*";
            response.Headers.AccessControlMaxAge = "86400";
            return TypedResults.NoContent();
        });
        return group;
    }

    /// <summary>The services a handler reads with.</summary>
    public sealed record OrukServices(HttpContext Http, KithDbContext Db, AssetSearchIndex Index, PostcodeService Postcodes, CancellationToken CancellationToken)
    {
        public HttpResponse Response => Http.Response;

        public IQueryCollection Query => Http.Request.Query;
    }

    internal static IResult Root(HttpRequest request) => TypedResults.Json(new Dictionary<string, string>
    {
        ["version"] = OrukVocabulary.Version,
        ["profile"] = OrukVocabulary.ProfileUrl,
        ["openapi_url"] = $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}/openapi.json",
    });

    internal static async Task OpenApiAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        await using var document = typeof(OrukApi).Assembly.GetManifestResourceStream(OpenApiResource)
            ?? throw new InvalidOperationException($"The OpenAPI document {OpenApiResource} is not embedded in the build.");
        response.ContentType = OrukResponses.JsonContentType;
        await document.CopyToAsync(response.Body, cancellationToken);
    }

    internal static async Task<IResult> ListServicesAsync([AsParameters] OrukServices services)
    {
        var parameters = OrukParameters.Read(services.Query, OrukParameters.ServiceNames);
        var query = parameters.IsValid ? await OrukServiceQuery.CreateAsync(parameters, services.Db, services.Index, services.Postcodes, services.CancellationToken) : null;
        if (query is null)
        {
            return OrukResponses.BadRequest(parameters.Errors);
        }

        var shape = parameters.Minimal ? ServiceShape.Minimal : parameters.Full ? ServiceShape.Full : ServiceShape.List;
        var writer = await WriterForAsync(services.Db, shape == ServiceShape.Full, services.CancellationToken);
        Task<List<CommunityAsset>> Load(IReadOnlyList<Guid> ids) => OrukData.LoadServicesAsync(services.Db, ids, shape, services.CancellationToken);
        void Write(System.Text.Json.Utf8JsonWriter json, CommunityAsset asset) => writer.WriteService(json, asset, shape);
        if (parameters.Ndjson)
        {
            var all = await query.AllAsync(services.CancellationToken);
            await OrukResponses.WriteNdjsonAsync(services.Response, all, StreamBatchSize, Load, Write, services.CancellationToken);
            return Results.Empty;
        }

        var total = await query.CountAsync(services.CancellationToken);
        var page = await Load(await query.PageAsync(parameters.Page, parameters.PerPage, services.CancellationToken));
        await OrukResponses.WritePageAsync(services.Response, total, parameters.Page, parameters.PerPage, page, Write, services.CancellationToken);
        return Results.Empty;
    }

    internal static async Task<IResult> GetServiceAsync(string id, [AsParameters] OrukServices services)
    {
        if (!Guid.TryParse(id, out var serviceId)
            || !await OrukData.PublishedServices(services.Db).AnyAsync(a => a.Id == serviceId, services.CancellationToken))
        {
            return OrukResponses.NotFound("service", id);
        }

        var writer = await OrukData.CreateWriterAsync(services.Db, services.CancellationToken);
        var service = (await OrukData.LoadServicesAsync(services.Db, [serviceId], ServiceShape.Full, services.CancellationToken)).Single();
        await OrukResponses.WriteObjectAsync(services.Response, json => writer.WriteService(json, service, ServiceShape.Full), services.CancellationToken);
        return Results.Empty;
    }

    internal static async Task<IResult> ListServiceAtLocationsAsync([AsParameters] OrukServices services)
    {
        var parameters = OrukParameters.Read(services.Query, OrukParameters.ServiceNames);
        var query = parameters.IsValid ? await OrukServiceQuery.CreateAsync(parameters, services.Db, services.Index, services.Postcodes, services.CancellationToken) : null;
        if (query is null)
        {
            return OrukResponses.BadRequest(parameters.Errors);
        }

        if (parameters.Minimal)
        {
            parameters.AddError("minimal", "minimal is for /services only. Leave it out here, or ask /oruk/services?minimal=true.");
            return OrukResponses.BadRequest(parameters.Errors);
        }

        var full = parameters.Full;
        var writer = await WriterForAsync(services.Db, full, services.CancellationToken);
        Task<List<ServiceAtLocation>> Load(IReadOnlyList<Guid> ids) => OrukData.LoadServiceAtLocationsAsync(services.Db, ids, full, services.CancellationToken);
        void Write(System.Text.Json.Utf8JsonWriter json, ServiceAtLocation row) => writer.WriteServiceAtLocation(json, row, full);
        var ids = await ServiceAtLocationIdsAsync(services.Db, query, services.CancellationToken);
        if (parameters.Ndjson)
        {
            await OrukResponses.WriteNdjsonAsync(services.Response, ids, StreamBatchSize, Load, Write, services.CancellationToken);
            return Results.Empty;
        }

        var skip = (long)(parameters.Page - 1) * parameters.PerPage;
        var pageIds = skip >= ids.Count ? [] : ids.Skip((int)skip).Take(parameters.PerPage).ToList();
        await OrukResponses.WritePageAsync(services.Response, ids.Count, parameters.Page, parameters.PerPage, await Load(pageIds), Write, services.CancellationToken);
        return Results.Empty;
    }

    internal static async Task<IResult> GetServiceAtLocationAsync(string id, [AsParameters] OrukServices services)
    {
        if (!Guid.TryParse(id, out var rowId)
            || !await OrukData.PublishedServiceAtLocations(services.Db).AnyAsync(s => s.Id == rowId, services.CancellationToken))
        {
            return OrukResponses.NotFound("service_at_location", id);
        }

        var writer = await OrukData.CreateWriterAsync(services.Db, services.CancellationToken);
        var row = (await OrukData.LoadServiceAtLocationsAsync(services.Db, [rowId], full: true, services.CancellationToken)).Single();
        await OrukResponses.WriteObjectAsync(services.Response, json => writer.WriteServiceAtLocation(json, row, full: true), services.CancellationToken);
        return Results.Empty;
    }

    internal static async Task<IResult> ListOrganizationsAsync([AsParameters] OrukServices services)
    {
        var parameters = OrukParameters.Read(services.Query, OrukParameters.OrganizationNames);
        if (!parameters.IsValid)
        {
            return OrukResponses.BadRequest(parameters.Errors);
        }

        var query = OrukData.PublishedOrganizations(services.Db);
        if (parameters.Search is { } search)
        {
            var lower = search.ToLowerInvariant();
            query = query.Where(o => o.Name.ToLower().Contains(lower) || (o.Description != null && o.Description.ToLower().Contains(lower)));
        }

        if (parameters.ModifiedAfter is { } modifiedAfter)
        {
            query = query.Where(o => o.LastModified >= modifiedAfter);
        }

        var full = parameters.Full || parameters.FullService;
        var serviceShape = parameters.FullService ? ServiceShape.Full : ServiceShape.List;
        var writer = await WriterForAsync(services.Db, parameters.FullService, services.CancellationToken);
        var ordered = query.OrderBy(o => o.Id).Select(o => o.Id);
        if (parameters.Ndjson)
        {
            var all = await ordered.ToListAsync(services.CancellationToken);
            await OrukResponses.WriteNdjsonAsync(
                services.Response, all, StreamBatchSize,
                ids => LoadOrganizationsWithServicesAsync(services.Db, ids, full, serviceShape, services.CancellationToken),
                (json, row) => WriteOrganization(writer, json, row, full, serviceShape),
                services.CancellationToken);
            return Results.Empty;
        }

        var total = await query.CountAsync(services.CancellationToken);
        var skip = (long)(parameters.Page - 1) * parameters.PerPage;
        var pageIds = skip > int.MaxValue ? [] : await ordered.Skip((int)skip).Take(parameters.PerPage).ToListAsync(services.CancellationToken);
        var rows = await LoadOrganizationsWithServicesAsync(services.Db, pageIds, full, serviceShape, services.CancellationToken);
        await OrukResponses.WritePageAsync(
            services.Response, total, parameters.Page, parameters.PerPage, rows,
            (json, row) => WriteOrganization(writer, json, row, full, serviceShape), services.CancellationToken);
        return Results.Empty;
    }

    internal static async Task<IResult> GetOrganizationAsync(string id, [AsParameters] OrukServices services)
    {
        var parameters = OrukParameters.Read(services.Query, ["full_service"]);
        if (!parameters.IsValid)
        {
            return OrukResponses.BadRequest(parameters.Errors);
        }

        if (!Guid.TryParse(id, out var organizationId)
            || !await OrukData.PublishedOrganizations(services.Db).AnyAsync(o => o.Id == organizationId, services.CancellationToken))
        {
            return OrukResponses.NotFound("organization", id);
        }

        var serviceShape = parameters.FullService ? ServiceShape.Full : ServiceShape.List;
        var writer = await WriterForAsync(services.Db, parameters.FullService, services.CancellationToken);
        var row = (await LoadOrganizationsWithServicesAsync(services.Db, [organizationId], true, serviceShape, services.CancellationToken)).Single();
        await OrukResponses.WriteObjectAsync(services.Response, json => WriteOrganization(writer, json, row, true, serviceShape), services.CancellationToken);
        return Results.Empty;
    }

    internal static async Task<IResult> ListTaxonomiesAsync([AsParameters] OrukServices services)
    {
        var parameters = OrukParameters.Read(services.Query, OrukParameters.TaxonomyNames);
        if (!parameters.IsValid)
        {
            return OrukResponses.BadRequest(parameters.Errors);
        }

        var all = await OrukData.AllTaxonomiesAsync(services.Db, services.CancellationToken);
        await WriteInMemoryAsync(services.Response, parameters, all, OrukWriter.WriteTaxonomy, services.CancellationToken);
        return Results.Empty;
    }

    internal static async Task<IResult> GetTaxonomyAsync(string id, [AsParameters] OrukServices services)
    {
        var all = await OrukData.AllTaxonomiesAsync(services.Db, services.CancellationToken);
        var found = Guid.TryParse(id, out var taxonomyId) ? all.Find(t => t.Id == taxonomyId) : null;
        if (found is null)
        {
            return OrukResponses.NotFound("taxonomy", id);
        }

        await OrukResponses.WriteObjectAsync(services.Response, json => OrukWriter.WriteTaxonomy(json, found), services.CancellationToken);
        return Results.Empty;
    }

    internal static async Task<IResult> ListTaxonomyTermsAsync([AsParameters] OrukServices services)
    {
        var parameters = OrukParameters.Read(services.Query, OrukParameters.TaxonomyTermNames);
        if (!parameters.IsValid)
        {
            return OrukResponses.BadRequest(parameters.Errors);
        }

        IEnumerable<TaxonomyTerm> terms = await OrukData.AllTermsAsync(services.Db, services.CancellationToken);
        if (parameters.TaxonomyId is { } taxonomyId)
        {
            if (!(await OrukData.AllTaxonomiesAsync(services.Db, services.CancellationToken)).Exists(t => t.Id == taxonomyId))
            {
                parameters.AddError("taxonomy_id", $"There is no taxonomy with the id {taxonomyId}. Give the id of one listed at /oruk/taxonomies.");
                return OrukResponses.BadRequest(parameters.Errors);
            }

            terms = terms.Where(t => t.TaxonomyId == taxonomyId);
        }

        if (parameters.ParentId is { } parentId)
        {
            terms = terms.Where(t => t.ParentId == parentId);
        }

        await WriteInMemoryAsync(services.Response, parameters, terms.ToList(), OrukWriter.WriteTaxonomyTerm, services.CancellationToken);
        return Results.Empty;
    }

    internal static async Task<IResult> GetTaxonomyTermAsync(string id, [AsParameters] OrukServices services)
    {
        var all = await OrukData.AllTermsAsync(services.Db, services.CancellationToken);
        var found = Guid.TryParse(id, out var termId) ? all.Find(t => t.Id == termId) : null;
        if (found is null)
        {
            return OrukResponses.NotFound("taxonomy_term", id);
        }

        await OrukResponses.WriteObjectAsync(services.Response, json => OrukWriter.WriteTaxonomyTerm(json, found), services.CancellationToken);
        return Results.Empty;
    }

    /// <summary>A writer with every taxonomy term when full services are written; list shapes need none.</summary>
    private static async Task<OrukWriter> WriterForAsync(KithDbContext db, bool full, CancellationToken cancellationToken) =>
        full ? await OrukData.CreateWriterAsync(db, cancellationToken) : new OrukWriter(new Dictionary<Guid, TaxonomyTerm>());

    /// <summary>A list small enough to hold (taxonomies, terms): paged or streamed from memory.</summary>
    private static async Task WriteInMemoryAsync<T>(HttpResponse response, OrukParameters parameters, List<T> all, Action<System.Text.Json.Utf8JsonWriter, T> write, CancellationToken cancellationToken)
    {
        if (parameters.Ndjson)
        {
            response.ContentType = OrukResponses.NdjsonContentType;
            foreach (var item in all)
            {
                await using var json = new System.Text.Json.Utf8JsonWriter(response.BodyWriter);
                write(json, item);
                await json.FlushAsync(cancellationToken);
                await response.BodyWriter.WriteAsync("\n"u8.ToArray(), cancellationToken);
            }

            return;
        }

        var skip = (long)(parameters.Page - 1) * parameters.PerPage;
        var page = skip >= all.Count ? [] : all.GetRange((int)skip, Math.Min(parameters.PerPage, all.Count - (int)skip));
        await OrukResponses.WritePageAsync(response, all.Count, parameters.Page, parameters.PerPage, page, write, cancellationToken);
    }

    /// <summary>The service_at_location ids of the matching services: by id, or in the services' ranked order.</summary>
    private static async Task<List<Guid>> ServiceAtLocationIdsAsync(KithDbContext db, OrukServiceQuery query, CancellationToken cancellationToken)
    {
        var serviceIds = query.Filtered.Select(a => a.Id);
        if (query.Ranked is null)
        {
            return await OrukData.PublishedServiceAtLocations(db)
                .Where(s => serviceIds.Contains(s.ServiceId))
                .OrderBy(s => s.Id).Select(s => s.Id)
                .ToListAsync(cancellationToken);
        }

        var ranked = await query.AllAsync(cancellationToken);
        var rank = new Dictionary<Guid, int>(ranked.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            rank[ranked[i]] = i;
        }

        var rows = new List<(Guid Id, Guid ServiceId)>();
        foreach (var chunk in ranked.Chunk(1_000))
        {
            var found = await db.ServiceAtLocations.AsNoTracking().Where(s => EF.Parameter(chunk).Contains(s.ServiceId))
                .Select(s => new { s.Id, s.ServiceId }).ToListAsync(cancellationToken);
            rows.AddRange(found.Select(f => (f.Id, f.ServiceId)));
        }

        rows.Sort((a, b) =>
        {
            var byRank = rank[a.ServiceId].CompareTo(rank[b.ServiceId]);
            return byRank != 0 ? byRank : IdOrder.Instance.Compare(a.Id, b.Id);
        });
        return [.. rows.Select(r => r.Id)];
    }

    private sealed record OrganizationWithServices(Organization Organization, List<CommunityAsset> Services);

    private static async Task<List<OrganizationWithServices>> LoadOrganizationsWithServicesAsync(
        KithDbContext db, IReadOnlyList<Guid> ids, bool full, ServiceShape serviceShape, CancellationToken cancellationToken)
    {
        var organizations = await OrukData.LoadOrganizationsAsync(db, ids, full, cancellationToken);
        if (!full)
        {
            return [.. organizations.Select(o => new OrganizationWithServices(o, []))];
        }

        var serviceIds = await OrukData.PublishedServices(db).Where(a => EF.Parameter(ids).Contains(a.OrganizationId))
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        var loaded = new List<CommunityAsset>(serviceIds.Count);
        foreach (var chunk in serviceIds.Chunk(StreamBatchSize))
        {
            loaded.AddRange(await OrukData.LoadServicesAsync(db, chunk, serviceShape, cancellationToken));
        }

        var byOrganization = loaded.ToLookup(a => a.OrganizationId);
        return [.. organizations.Select(o => new OrganizationWithServices(o, [.. byOrganization[o.Id]]))];
    }

    private static void WriteOrganization(OrukWriter writer, System.Text.Json.Utf8JsonWriter json, OrganizationWithServices row, bool full, ServiceShape serviceShape)
    {
        if (full)
        {
            writer.WriteOrganization(json, row.Organization, row.Services, serviceShape);
        }
        else
        {
            writer.WriteOrganizationSummary(json, row.Organization);
        }
    }
}
