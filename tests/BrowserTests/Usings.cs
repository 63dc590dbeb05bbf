global using Microsoft.Playwright;
global using Preau.Tests.Infrastructure;
