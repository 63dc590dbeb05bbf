global using System.Net;
global using Preau.Tests.Infrastructure;
