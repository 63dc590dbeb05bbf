// Préau's service worker: shows Web Push notices and opens their item when tapped. It caches nothing:
// pages always come fresh from the server.
self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = { title: event.data && event.data.text() }; }
  event.waitUntil(self.registration.showNotification(data.title || "Préau", {
    body: "",
    icon: "/favicon.svg",
    data: { url: data.url || "/notifications" }
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var url = (event.notification.data && event.notification.data.url) || "/notifications";
  event.waitUntil(self.clients.openWindow(url));
});
