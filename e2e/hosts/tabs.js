document.getElementById('show').addEventListener('click', () => {
  document.getElementById('tab1').hidden = true;
  document.getElementById('tab2').hidden = false;
});
