// "Use my location" on the search form: shown only when JavaScript and geolocation are available.
// It fills the hidden lat and lon fields and empties the postcode, so the search is measured from
// where the person is. Without JavaScript the postcode field does the same job.
(function () {
  'use strict';
  var block = document.querySelector('[data-use-location]');
  if (!block || !('geolocation' in navigator)) {
    return;
  }
  var button = block.querySelector('[data-use-location-button]');
  var status = block.querySelector('[data-use-location-status]');
  var lat = document.getElementById('lat');
  var lon = document.getElementById('lon');
  var postcode = document.getElementById('Postcode');
  block.hidden = false;

  if (postcode) {
    postcode.addEventListener('input', function () {
      // A typed postcode replaces the browser location.
      lat.value = '';
      lon.value = '';
      status.textContent = '';
    });
  }

  button.addEventListener('click', function () {
    status.textContent = 'Finding your location…';
    navigator.geolocation.getCurrentPosition(function (position) {
      lat.value = position.coords.latitude.toFixed(5);
      lon.value = position.coords.longitude.toFixed(5);
      if (postcode) {
        postcode.value = '';
      }
      status.textContent = 'Using your location. Select Search to see what is near you.';
    }, function () {
      status.textContent = 'We could not get your location. Enter a postcode instead.';
    }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 });
  });
})();
