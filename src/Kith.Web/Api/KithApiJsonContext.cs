using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kith.Web.Api;

/// <summary>
/// Serialisation code for the JSON API's answers, generated at build time instead of discovered by reflection at run
/// time. The same settings as ASP.NET Core's web defaults (camelCase names), so the JSON is unchanged.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AssetSearchResponse))]
[JsonSerializable(typeof(AssetJson))]
internal sealed partial class KithApiJsonContext : JsonSerializerContext;
