using Kith.Core.People.Strengths;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.People.Strengths;

/// <summary>The strengths part of the record page: grouped by category, with a link to change them.</summary>
public sealed class PersonStrengthsViewComponent(StrengthService strengths) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid personId) =>
        View(new PersonStrengthsView(personId, await strengths.CurrentAsync(personId, HttpContext.RequestAborted)));
}

public sealed record PersonStrengthsView(Guid PersonId, IReadOnlyList<Kith.Core.People.Strength> Strengths);

/// <summary>The network part of the record page: a compact table of current ties.</summary>
public sealed class PersonNetworkViewComponent(NetworkService network) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid personId) =>
        View(new PersonNetworkView(personId, await network.CurrentAsync(personId, HttpContext.RequestAborted)));
}

public sealed record PersonNetworkView(Guid PersonId, IReadOnlyList<Kith.Core.People.NetworkTie> Ties);
