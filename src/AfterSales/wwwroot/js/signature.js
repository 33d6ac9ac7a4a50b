// Visit screen: the customer signs with a finger or a mouse (pointer events), the PNG goes to the
// server as a data URL in a hidden field; and the optional browser position at check-in.
(function () {
  "use strict";
  const pad = document.getElementById("signature-pad");
  if (pad) {
    const ctx = pad.getContext("2d");
    ctx.lineWidth = 2.5;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#000";
    let drawing = false;
    let signed = false;
    const point = (e) => {
      const r = pad.getBoundingClientRect();
      return { x: (e.clientX - r.left) * (pad.width / r.width), y: (e.clientY - r.top) * (pad.height / r.height) };
    };
    pad.addEventListener("pointerdown", (e) => {
      drawing = true;
      pad.setPointerCapture(e.pointerId);
      const p = point(e);
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      e.preventDefault();
    });
    pad.addEventListener("pointermove", (e) => {
      if (!drawing) return;
      const p = point(e);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      signed = true;
      e.preventDefault();
    });
    const stop = () => (drawing = false);
    pad.addEventListener("pointerup", stop);
    pad.addEventListener("pointercancel", stop);
    document.getElementById("signature-clear")?.addEventListener("click", () => {
      ctx.clearRect(0, 0, pad.width, pad.height);
      signed = false;
    });
    pad.closest("form")?.addEventListener("submit", () => {
      // An empty pad posts nothing: the server answers with its localised "please sign" message.
      document.getElementById("signature-png").value = signed ? pad.toDataURL("image/png") : "";
    });
  }

  const locate = document.getElementById("locate");
  locate?.addEventListener("click", () => {
    const status = document.getElementById("geo-status");
    if (!navigator.geolocation) {
      status.textContent = locate.dataset.failed;
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        document.getElementById("checkIn_Latitude").value = pos.coords.latitude.toFixed(6);
        document.getElementById("checkIn_Longitude").value = pos.coords.longitude.toFixed(6);
        status.textContent = `${locate.dataset.located} (${pos.coords.latitude.toFixed(5)}, ${pos.coords.longitude.toFixed(5)})`;
      },
      () => (status.textContent = locate.dataset.failed),
      { enableHighAccuracy: true, timeout: 10000 }
    );
  });
})();
