namespace Reqio.Sdk.Tests.Recipes;

/// <summary>A command the check ran failed; the message holds the command and everything it printed.</summary>
internal sealed class RecipeFailedException(string message) : Exception(message);
