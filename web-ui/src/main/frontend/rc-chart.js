// <rc-chart>: a Chart.js chart whose whole configuration (JSON) comes from the server.
import Chart from 'chart.js/auto';

class RcChart extends HTMLElement {
  static get observedAttributes() {
    return ['config'];
  }

  connectedCallback() {
    if (!this.canvas) {
      this.canvas = document.createElement('canvas');
      this.appendChild(this.canvas);
    }
    this.render();
  }

  disconnectedCallback() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = null;
    }
  }

  attributeChangedCallback() {
    if (this.canvas) {
      this.render();
    }
  }

  render() {
    const text = this.getAttribute('config');
    if (!text) {
      return;
    }
    const config = JSON.parse(text);
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    if (this.chart) {
      this.chart.destroy();
    }
    this.chart = new Chart(this.canvas, config);
    this.setAttribute('data-ready', 'true');
  }
}

if (!customElements.get('rc-chart')) {
  customElements.define('rc-chart', RcChart);
}
