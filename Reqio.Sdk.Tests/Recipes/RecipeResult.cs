namespace Reqio.Sdk.Tests.Recipes;

/// <summary>What one recipe proved, and how long it took.</summary>
internal sealed record RecipeResult(RecipePlan Plan, string Proved, TimeSpan Elapsed);
